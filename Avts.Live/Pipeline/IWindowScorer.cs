namespace Avts.Live.Pipeline;

/// <summary>
/// Scores windows in batches (windows of several streams together, so a network can run them as one batch).
/// Called on the inference scheduler only, never concurrently with itself. Disposing releases the method it scores
/// with (a network's weights).
/// </summary>
public interface IWindowScorer : IDisposable
{
    /// <summary>The method name (e.g. "onset").</summary>
    string Name { get; }

    /// <summary>Returns one score per window, in the same order.</summary>
    IReadOnlyList<WindowScore> Score(IReadOnlyList<LiveWindow> windows, CancellationToken cancellationToken);
}
