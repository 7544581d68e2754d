namespace Avts.Engine.Benchmarks;

/// <summary>Everything the shift benchmark measured.</summary>
/// <param name="DataDirectory">The folder that was searched.</param>
/// <param name="ShiftsMs">Signed shifts applied, 0 included.</param>
/// <param name="TrimSeconds">Seconds cut from each end of every source.</param>
/// <param name="Cases">Every case, in source/shift/method order.</param>
/// <param name="Summaries">Per method and group.</param>
/// <param name="Skipped">Sources not used, each with the reason.</param>
/// <param name="ElapsedSeconds">Wall time of the whole run.</param>
public sealed record ShiftBenchmarkResult(
    string DataDirectory,
    IReadOnlyList<int> ShiftsMs,
    double TrimSeconds,
    IReadOnlyList<ShiftCase> Cases,
    IReadOnlyList<ShiftSummary> Summaries,
    IReadOnlyList<string> Skipped,
    double ElapsedSeconds);
