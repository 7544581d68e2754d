using System.Numerics;

namespace Avts.Engine.Dsp;

/// <summary>Normalised cross-correlation of two grid signals over a range of lags, with per-lag overlap handling.</summary>
internal static class CrossCorrelation
{
    /// <summary>
    /// For every lag L in [-<paramref name="maxLag"/>, <paramref name="maxLag"/>] the Pearson correlation of
    /// <paramref name="reference"/>[k] and <paramref name="shifted"/>[k + L] over the k in
    /// [<paramref name="from"/>, <paramref name="to"/>) where both are valid. A lag whose overlap is below
    /// <paramref name="minOverlap"/> of the window, or where either side is constant, gets NaN: a handful of
    /// overlapping points can correlate perfectly by chance and must not win.
    /// Index i of the result is lag i - maxLag.
    /// </summary>
    public static double[] Normalized(
        GridSignal reference, GridSignal shifted, int from, int to, int maxLag, double minOverlap)
    {
        var result = new double[(2 * maxLag) + 1];
        Array.Fill(result, double.NaN);
        var refFrom = Math.Max(from, reference.ValidFrom);
        var refTo = Math.Min(to, reference.ValidTo);
        var needed = Math.Max(3, (int)Math.Ceiling(minOverlap * (to - from)));
        if (refTo - refFrom < needed)
        {
            return result;
        }

        var r = reference.Values;
        var s = shifted.Values;
        var rPrefix = Prefix(r, squared: false);
        var rPrefix2 = Prefix(r, squared: true);
        var sPrefix = Prefix(s, squared: false);
        var sPrefix2 = Prefix(s, squared: true);
        for (var lag = -maxLag; lag <= maxLag; lag++)
        {
            var lo = Math.Max(refFrom, shifted.ValidFrom - lag);
            var hi = Math.Min(refTo, shifted.ValidTo - lag);
            var count = hi - lo;
            if (count < needed)
            {
                continue;
            }

            var sumR = rPrefix[hi] - rPrefix[lo];
            var sumR2 = rPrefix2[hi] - rPrefix2[lo];
            var sumS = sPrefix[hi + lag] - sPrefix[lo + lag];
            var sumS2 = sPrefix2[hi + lag] - sPrefix2[lo + lag];
            var dot = Dot(r.AsSpan(lo, count), s.AsSpan(lo + lag, count));
            var varR = sumR2 - (sumR * sumR / count);
            var varS = sumS2 - (sumS * sumS / count);
            if (varR <= 1e-12 * Math.Max(1, sumR2) || varS <= 1e-12 * Math.Max(1, sumS2))
            {
                continue;
            }

            // Scaled by sqrt(overlap share): chance correlations over fewer points are larger (their spread goes as
            // 1/sqrt(n)), so comparing r * sqrt(n) across lags compares significance, and a partial-overlap lag at the
            // edge of the range cannot win on luck alone. At full overlap the value is the plain Pearson r.
            var pearson = (dot - (sumR * sumS / count)) / Math.Sqrt(varR * varS);
            result[lag + maxLag] = pearson * Math.Sqrt((double)count / (refTo - refFrom));
        }

        return result;
    }

    private static double[] Prefix(double[] values, bool squared)
    {
        var prefix = new double[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            prefix[i + 1] = prefix[i] + (squared ? values[i] * values[i] : values[i]);
        }

        return prefix;
    }

    // Optimised at first call, as FrameDifference.SumOfAbsoluteDifferences: a check is a fresh process.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i + width <= a.Length; i += width)
        {
            sum += new Vector<double>(a.Slice(i, width)) * new Vector<double>(b.Slice(i, width));
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
