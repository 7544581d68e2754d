using Avts.Live.Pipeline;

namespace Avts.Tests.Live.Pipeline;

/// <summary>A window scorer that records every batch; <paramref name="whileScoring"/> runs inside each call (e.g. to enqueue more).</summary>
internal sealed class RecordingScorer(Func<LiveWindow, WindowScore>? score = null, Action<int>? whileScoring = null) : IWindowScorer
{
    public string Name => "recording";

    public List<IReadOnlyList<LiveWindow>> Batches { get; } = [];

    /// <summary>The batches as "stream:sequence" labels.</summary>
    public List<string[]> Labels => [.. Batches.Select(b => b.Select(w => $"{w.Stream}{w.Sequence}").ToArray())];

    public IReadOnlyList<WindowScore> Score(IReadOnlyList<LiveWindow> windows, CancellationToken cancellationToken)
    {
        Batches.Add([.. windows]);
        whileScoring?.Invoke(Batches.Count);
        return [.. windows.Select(score ?? (_ => new WindowScore(10, 0.9, StreamState.Live)))];
    }

    public void Dispose()
    {
    }
}
