namespace Avts.Engine.Dsp;

/// <summary>
/// How much to trust the maximum of a correlation curve, 0..1.
/// <para>
/// Two numbers are measured. Significance s = r * sqrt(n / lobe): the peak correlation r scaled by the square root of
/// the number of independent samples behind it, estimated as the correlated points n divided by the width of the
/// main lobe (a smooth signal has fewer independent samples than grid points, and its chance correlations are
/// larger); under noise s is roughly standard normal at each lag, and the best of the L / lobe independent lags of
/// the curve reaches about c = sqrt(2 ln(L / lobe)), so s is compared with c. Margin m = (peak - second) / (peak - mean), where "second" is the highest local maximum outside the main
/// lobe (the lobe is where the curve stays above halfway between mean and peak, and at least
/// <see cref="MinLobeSeconds"/> each side). Both are squashed monotonically and multiplied:
/// confidence = (1 - exp(-max(0, s - c - 0.5) / 1.5)) * (1 - exp(-max(0, m) / 0.15)).
/// s at or below c + 0.5 (what noise reaches; c is about 3.7 for a sharp 801-lag curve) gives 0; 1.5 above that
/// gives 0.63 and 4.5 above it 0.95. A margin of 0.15 gives
/// 0.63 and 0.45 gives 0.95, so a rival peak almost as high as the winner (a periodic or ambiguous signal) drives
/// confidence towards 0.
/// </para>
/// </summary>
internal static class PeakConfidence
{
    /// <summary>
    /// How far above the typical best-of-noise c the significance must get before it counts: the maximum of noise
    /// scatters around c by about this much, so a lucky noise peak does not earn confidence.
    /// </summary>
    public const double ChanceAllowance = 0.5;

    /// <summary>Smallest half-width of the main lobe excluded when looking for a rival peak, in seconds.</summary>
    public const double MinLobeSeconds = 0.04;

    /// <summary>
    /// Confidence of the maximum at <paramref name="peak"/> of a curve with <paramref name="stepSeconds"/> lag
    /// spacing, computed over <paramref name="correlatedPoints"/> grid points.
    /// </summary>
    public static double Of(ReadOnlySpan<double> curve, int peak, double stepSeconds, int correlatedPoints)
    {
        var (significance, margin, chance) = Measure(curve, peak, stepSeconds, correlatedPoints);
        return (1 - Math.Exp(-Math.Max(0, significance - chance - ChanceAllowance) / 1.5)) * (1 - Math.Exp(-Math.Max(0, margin) / 0.15));
    }

    /// <summary>The significance and margin described on the type (zeros when the curve has no usable peak).</summary>
    internal static (double Significance, double Margin, double Chance) Measure(
        ReadOnlySpan<double> curve, int peak, double stepSeconds, int correlatedPoints)
    {
        if (peak < 0)
        {
            return (0, 0, 0);
        }

        double sum = 0;
        var count = 0;
        foreach (var v in curve)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        var mean = sum / Math.Max(1, count);
        var top = curve[peak];
        if (count < 5 || top <= mean || top <= 0)
        {
            return (0, 0, 0);
        }

        var (lo, hi) = MainLobe(curve, peak, mean);
        var lobe = Math.Max(1, hi - lo + 1);
        var significance = top * Math.Sqrt((double)correlatedPoints / lobe);

        // The best of m independent tries of standard noise reaches about sqrt(2 ln m): the curve holds count / lobe
        // independent lags, so that is what the peak must beat.
        var chance = Math.Sqrt(2 * Math.Log(Math.Max(2.0, (double)count / lobe)));
        var second = SecondPeak(curve, peak, mean, stepSeconds);
        var margin = double.IsNaN(second) ? 1 : (top - second) / (top - mean);
        return (significance, margin, chance);
    }

    /// <summary>Contiguous range around the peak where the curve stays above halfway between mean and peak.</summary>
    private static (int Lo, int Hi) MainLobe(ReadOnlySpan<double> curve, int peak, double mean)
    {
        var half = 0.5 * (curve[peak] + mean);
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

        return (lo, hi);
    }

    /// <summary>Highest local maximum outside the main lobe around <paramref name="peak"/> (NaN when none).</summary>
    internal static double SecondPeak(ReadOnlySpan<double> curve, int peak, double mean, double stepSeconds)
    {
        var minLobe = (int)Math.Ceiling(MinLobeSeconds / stepSeconds);
        var (lo, hi) = MainLobe(curve, peak, mean);
        lo = Math.Min(lo, peak - minLobe);
        hi = Math.Max(hi, peak + minLobe);
        var best = double.NaN;
        for (var i = 0; i < curve.Length; i++)
        {
            var v = curve[i];
            if ((i >= lo && i <= hi) || double.IsNaN(v))
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
