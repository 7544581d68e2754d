namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>Videos and clips used over the splits run (the same for every initialisation).</summary>
internal readonly record struct SplitCounts(int TrainVideos, int TrainClips, int TestVideos, int TestClips, int Skipped)
{
    /// <summary>These counts plus one split's.</summary>
    public SplitCounts Add(int trainVideos, int trainClips, int testVideos, int testClips, int skipped) =>
        new(TrainVideos + trainVideos, TrainClips + trainClips, TestVideos + testVideos, TestClips + testClips, Skipped + skipped);
}
