namespace Avts.Engine.Reports;

/// <summary>The analysis settings a report was produced with.</summary>
/// <param name="WindowS">Window length, seconds.</param>
/// <param name="HopS">Hop between windows, seconds.</param>
/// <param name="RangeS">Largest delay searched each way, seconds.</param>
/// <param name="StartS">Where reading started (null = beginning).</param>
/// <param name="DurationS">How much was read (null = to the end).</param>
public sealed record ReportAnalysis(double WindowS, double HopS, double RangeS, double? StartS, double? DurationS);
