using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>Training-free estimator: audio onsets/energy against visual motion energy, cross-correlated.</summary>
public sealed class OnsetEstimator : ISyncEstimator
{
    /// <inheritdoc />
    public string Name => "onset";

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("OnsetEstimator is being written on the onset branch.");
}
