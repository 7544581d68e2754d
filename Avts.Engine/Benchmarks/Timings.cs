namespace Avts.Engine.Benchmarks;

/// <summary>Minimum and rounding of repeated timings (their median: <see cref="Dsp.SampleStatistics.Median"/>).</summary>
public static class Timings
{
    /// <summary>The smallest value; NaN when empty.</summary>
    public static double Min(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Min();

    /// <summary>Rounds for the report: three significant decimals are more than the run-to-run noise.</summary>
    public static double Round(double value, int digits = 3) => double.IsFinite(value) ? Math.Round(value, digits) : value;
}
