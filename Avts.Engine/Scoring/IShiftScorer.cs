using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// Distances of model clips against the audio windows at consecutive 10 ms shifts (<see cref="ShiftRequest"/>). The
/// seam between the estimator's windowing and the network; one instance serves one analysis (it may keep that input's
/// audio features until disposed).
/// </summary>
internal interface IShiftScorer : IDisposable
{
    /// <summary>
    /// For each of <paramref name="requests"/>, in order, its distances [<see cref="ShiftRequest.ShiftCount"/>]. The
    /// network embeds all the clips of one call in one batch, so callers hand over every clip they need at once.
    /// </summary>
    double[][] Score(IReadOnlyList<ShiftRequest> requests, AudioTrack audio);
}
