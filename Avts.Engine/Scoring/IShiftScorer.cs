using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// Distances of one model clip against the audio windows at consecutive 10 ms shifts: distance i pairs the clip with
/// the window whose samples (context included) start at sample <c>firstSample</c> + i hops of the track. The seam between
/// the estimator's windowing and the network; one instance serves one analysis (it may keep that input's audio
/// features until disposed).
/// </summary>
internal interface IShiftScorer : IDisposable
{
    /// <summary>Distances [<paramref name="shiftCount"/>] of <paramref name="clip"/> against the windows described on the type.</summary>
    double[] Score(float[] clip, AudioTrack audio, long firstSample, int shiftCount);
}
