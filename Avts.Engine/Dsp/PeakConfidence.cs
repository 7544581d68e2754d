namespace Avts.Engine.Dsp;

/// <summary>
/// How much to trust the maximum of a correlation curve, 0..1.
/// <para>
/// Two numbers are measured on the valid (non-NaN) part of the curve: the prominence z = (peak - mean) / std, how far
/// the peak stands out of the curve's own spread; and the margin m = (peak - second) / (peak - mean), where "second"
/// is the highest local maximum outside the main lobe (the lobe is where the curve stays above halfway between mean
/// and peak, and at least <see cref="MinLobeSeconds"/> each side). Each is squashed monotonically and the results are
/// multiplied: confidence = (1 - exp(-max(0, z - 3) / 3)) * (1 - exp(-max(0, m) / 0.15)).
/// A peak less than 3 standard deviations out gives 0 (noise reaches that in an 800-lag curve); z = 6 gives 0.63 and
/// z = 12 gives 0.95. A margin of 0.15 gives 0.63 and 0.45 gives 0.95, so a rival peak almost as high as the winner
/// (an ambiguous periodic signal) drives confidence towards 0.
/// </para>
/// </summary>
internal static class PeakConfidence
{
    /// <summary>Smallest half-width of the main lobe excluded when looking for a rival peak, in seconds.</summary>
    public const double MinLobeSeconds = 0.04;

    /// <summary>Confidence of the maximum at <paramref name="peak"/> in a curve with <paramref name="stepSeconds"/> lag spacing.</summary>
    public static double Of(ReadOnlySpan<double> curve, int peak, double stepSeconds)
    {
        if (peak < 0)
        {
            return 0;
        }

        double sum = 0, sum2 = 0;
        var count = 0;
        foreach (var v in curve)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                sum2 += v * v;
                count++;
            }
        }

        if (count < 5)
        {
            return 0;
        }

        var mean = sum / count;
        var std = Math.Sqrt(Math.Max(0, (sum2 / count) - (mean * mean)));
        var top = curve[peak];
        if (std <= 1e-12 || top <= mean)
        {
            return 0;
        }

        var z = (top - mean) / std;
        var second = SecondPeak(curve, peak, mean, stepSeconds);
        var margin = double.IsNaN(second) ? 1 : (top - second) / (top - mean);
        return (1 - Math.Exp(-Math.Max(0, z - 3) / 3)) * (1 - Math.Exp(-Math.Max(0, margin) / 0.15));
    }

    /// <summary>Highest local maximum outside the main lobe around <paramref name="peak"/> (NaN when none).</summary>
    internal static double SecondPeak(ReadOnlySpan<double> curve, int peak, double mean, double stepSeconds)
    {
        var half = 0.5 * (curve[peak] + mean);
        var minLobe = (int)Math.Ceiling(MinLobeSeconds / stepSeconds);
        var lo = peak;
        while (lo > 0 && !double.IsNaN(curve[lo - 1]) && curve[lo - 1] > half)
        {
            lo--;
        }

        var hi = peak;
        while (hi < curve.Length - 1 && !double.IsNaN(curve[hi + 1]) && curve[hi + 1] > half)
        {
            hi++;
        }

        lo = Math.Min(lo, peak - minLobe);
        hi = Math.Max(hi, peak + minLobe);
        var best = double.NaN;
        for (var i = 0; i < curve.Length; i++)
        {
            if (i >= lo && i <= hi)
            {
                continue;
            }

            var v = curve[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            var left = i > 0 && !double.IsNaN(curve[i - 1]) ? curve[i - 1] : double.NegativeInfinity;
            var right = i < curve.Length - 1 && !double.IsNaN(curve[i + 1]) ? curve[i + 1] : double.NegativeInfinity;
            if (v >= left && v >= right && (double.IsNaN(best) || v > best))
            {
                best = v;
            }
        }

        return best;
    }
}
