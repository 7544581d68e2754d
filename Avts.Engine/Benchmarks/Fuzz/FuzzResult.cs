namespace Avts.Engine.Benchmarks.Fuzz;

/// <summary>What <c>avts bench fuzz</c> found.</summary>
/// <param name="Benchmark">"fuzz".</param>
/// <param name="Inputs">Damaged inputs checked.</param>
/// <param name="Crashes">Exit codes outside 0/1/3/4, or a stack trace on stderr.</param>
/// <param name="Hangs">Checks killed after the time limit.</param>
/// <param name="Orphans">Checks that left an ffmpeg running.</param>
/// <param name="ExitCodes">How many checks ended with each exit code.</param>
/// <param name="Kinds">How many inputs got each kind of damage.</param>
/// <param name="SlowestSeconds">The longest check.</param>
/// <param name="Failures">Every input with a problem (reproducible by its seed).</param>
/// <param name="Outcomes">Every input checked, in order.</param>
/// <param name="ElapsedSeconds">Wall time of the run.</param>
public sealed record FuzzResult(
    string Benchmark,
    int Inputs,
    int Crashes,
    int Hangs,
    int Orphans,
    IReadOnlyDictionary<string, int> ExitCodes,
    IReadOnlyDictionary<string, int> Kinds,
    double SlowestSeconds,
    IReadOnlyList<FuzzOutcome> Failures,
    double ElapsedSeconds,
    IReadOnlyList<FuzzOutcome> Outcomes);
