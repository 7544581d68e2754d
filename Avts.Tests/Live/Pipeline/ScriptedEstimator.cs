using Avts.Engine.Media;
using Avts.Engine.Scoring;

namespace Avts.Tests.Live.Pipeline;

/// <summary>A thread-safe estimator that answers a scripted delay (or none) and counts its calls.</summary>
internal sealed class ScriptedEstimator(Func<DecodedMedia, double?> delayOf, double confidence = 0.8) : ISyncEstimator
{
    private int calls;

    public string Name => "scripted";

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    public int Calls => calls;

    public AnalysisOptions? LastOptions { get; private set; }

    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        LastOptions = options;
        var delay = delayOf(media);
        return new SyncAnalysis(Name, delay, delay is null ? 0.05 : confidence, delay is not null, [], null);
    }
}
