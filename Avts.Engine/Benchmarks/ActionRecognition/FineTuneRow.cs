namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>One initialisation of the video subnet fine-tuned for action recognition, over the splits run.</summary>
/// <param name="Features">"avts" (weights from the checkpoint) or "scratch" (same architecture, seeded random init).</param>
/// <param name="AccuracyMean">Mean video accuracy over the splits, 0..1.</param>
/// <param name="AccuracyStd">Population standard deviation of the per-split video accuracies.</param>
/// <param name="Folds">Video accuracy of each split, in split order.</param>
/// <param name="ClipAccuracy">Mean clip accuracy over the splits.</param>
/// <param name="ClipFolds">Clip accuracy of each split.</param>
/// <param name="Epochs">Training epochs (the same for every row).</param>
/// <param name="TrainVideos">Training videos used, summed over the splits.</param>
/// <param name="TrainClips">Training clips, summed over the splits.</param>
/// <param name="TestVideos">Test videos scored, summed over the splits.</param>
/// <param name="TestClips">Test clips scored, summed over the splits.</param>
/// <param name="SkippedVideos">Listed videos skipped (missing, undecodable, too short), summed over the splits.</param>
/// <param name="FinalLoss">Last epoch's mean training loss, averaged over the splits.</param>
/// <param name="TrainSeconds">Training wall time, summed over the splits.</param>
public sealed record FineTuneRow(
    string Features,
    double AccuracyMean,
    double AccuracyStd,
    IReadOnlyList<double> Folds,
    double ClipAccuracy,
    IReadOnlyList<double> ClipFolds,
    int Epochs,
    int TrainVideos,
    int TrainClips,
    int TestVideos,
    int TestClips,
    int SkippedVideos,
    double FinalLoss,
    double TrainSeconds);
