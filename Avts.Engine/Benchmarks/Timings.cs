namespace Avts.Engine.Benchmarks;

/// <summary>Median and minimum of repeated timings (the speed benchmark's two summaries).</summary>
internal static class Timings
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN when empty.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The smallest value; NaN when empty.</summary>
    public static double Min(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Min();

    /// <summary>Rounds for the report: three significant decimals are more than the run-to-run noise.</summary>
    public static double Round(double value, int digits = 3) => double.IsFinite(value) ? Math.Round(value, digits) : value;
}
