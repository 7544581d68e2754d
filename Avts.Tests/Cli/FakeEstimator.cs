using Avts.Engine.Media;
using Avts.Engine.Scoring;

namespace Avts.Tests.Cli;

/// <summary>An estimator that returns a scripted analysis and records what it was asked.</summary>
internal sealed class FakeEstimator(string name, Func<DecodedMedia, SyncAnalysis> analyze) : ISyncEstimator
{
    public string Name => name;

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    public List<(DecodedMedia Media, AnalysisOptions Options)> Calls { get; } = [];

    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add((media, options));
        return analyze(media);
    }

    /// <summary>An analysis with <paramref name="delayMs"/> overall and three windows around it.</summary>
    public static SyncAnalysis Result(double? delayMs, double confidence = 0.9, string method = "fake")
    {
        var windows = new List<WindowEstimate>
        {
            new(0, 6, delayMs, confidence),
            new(3, 9, delayMs is { } d ? d + 2 : null, confidence),
            new(6, 12, null, 0),
        };
        var delays = Enumerable.Range(-20, 41).Select(i => i * 100.0).ToArray();
        var scores = delays.Select(x => Math.Exp(-Math.Pow((x - (delayMs ?? 0)) / 150, 2))).ToArray();
        return new SyncAnalysis(method, delayMs, confidence, delayMs is not null, windows, new OffsetCurve(delays, scores, "correlation"));
    }
}
