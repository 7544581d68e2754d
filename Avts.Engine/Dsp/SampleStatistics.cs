namespace Avts.Engine.Dsp;

/// <summary>Order statistics of a handful of values (timings, distances, errors).</summary>
public static class SampleStatistics
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
