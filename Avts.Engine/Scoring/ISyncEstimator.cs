using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// Estimates how late the sound is relative to the picture in decoded media. Disposing releases what the method
/// holds (a network's weights); <see cref="Checking.EstimatorRegistry"/> creates one per use.
/// </summary>
public interface ISyncEstimator : IDisposable
{
    /// <summary>The method name used on the command line and in reports (e.g. "onset").</summary>
    string Name { get; }

    /// <summary>
    /// Analyses <paramref name="media"/> (which must have both video and audio) in windows and overall.
    /// Positive delays mean the sound is late.
    /// </summary>
    SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// How this method wants <paramref name="input"/> (probed as <paramref name="info"/>) decoded, given what was
    /// <paramref name="requested"/>: a lip-sync method decodes wider so faces are big enough for landmarks. By default,
    /// as requested.
    /// </summary>
    Task<DecodeOptions> PrepareDecodeAsync(string input, MediaInfo info, DecodeOptions requested, CancellationToken cancellationToken) =>
        Task.FromResult(requested);
}
