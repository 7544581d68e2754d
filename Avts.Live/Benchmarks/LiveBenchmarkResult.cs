namespace Avts.Live.Benchmarks;

/// <summary>The outcome of <c>avts bench live</c>.</summary>
/// <param name="Machine">Cores and CPU model.</param>
/// <param name="Media">The clip replayed, with its size and frame rate.</param>
/// <param name="Method">The estimator.</param>
/// <param name="WindowSeconds">Window length.</param>
/// <param name="HopSeconds">Hop.</param>
/// <param name="Runs">One run per stream count tried.</param>
/// <param name="MaxStreamsHeld">The largest stream count held in real time (0 when none).</param>
public sealed record LiveBenchmarkResult(
    string Machine,
    string Media,
    string Method,
    double WindowSeconds,
    double HopSeconds,
    IReadOnlyList<LiveBenchmarkRun> Runs,
    int MaxStreamsHeld);
