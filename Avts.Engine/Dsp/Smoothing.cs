namespace Avts.Engine.Dsp;

/// <summary>Symmetric smoothing and differencing that keep event times where they are (no phase shift).</summary>
internal static class Smoothing
{
    /// <summary>
    /// Gaussian smoothing with standard deviation <paramref name="sigmaPoints"/> (in samples), truncated at 3 sigma.
    /// Only [<paramref name="from"/>, <paramref name="to"/>) is read and written; near its ends the kernel is
    /// renormalised over the valid part (normalised convolution) so edges are not pulled towards zero.
    /// </summary>
    public static double[] Gaussian(ReadOnlySpan<double> values, int from, int to, double sigmaPoints)
    {
        var result = new double[values.Length];
        if (to <= from)
        {
            return result;
        }

        if (sigmaPoints <= 0)
        {
            values[from..to].CopyTo(result.AsSpan(from));
            return result;
        }

        if (sigmaPoints > LargeSigmaPoints)
        {
            return ApproximateGaussian(values, from, to, sigmaPoints);
        }

        var kernel = Kernel(sigmaPoints);
        var half = kernel.Length / 2;
        for (var i = from; i < to; i++)
        {
            var lo = Math.Max(from, i - half);
            var hi = Math.Min(to - 1, i + half);
            double sum = 0, weight = 0;
            for (var j = lo; j <= hi; j++)
            {
                var w = kernel[j - i + half];
                sum += w * values[j];
                weight += w;
            }

            result[i] = sum / weight;
        }

        return result;
    }

    /// <summary>Above this sigma (in samples) a direct kernel costs too much; three box passes approximate it.</summary>
    private const double LargeSigmaPoints = 12;

    /// <summary>
    /// Three successive centred box filters of equal width (running sums, cost independent of sigma) approximate a
    /// Gaussian of the same variance to within a few percent; each pass averages only valid samples near the edges.
    /// Used for trends, where the exact shape does not matter but the symmetry (no time shift) does.
    /// </summary>
    private static double[] ApproximateGaussian(ReadOnlySpan<double> values, int from, int to, double sigmaPoints)
    {
        // A box of half-width r has variance r(r+1)/3; three passes add up to sigma^2.
        var r = Math.Max(1, (int)Math.Round(0.5 * (Math.Sqrt(1 + (4 * sigmaPoints * sigmaPoints)) - 1)));
        var current = values[from..to].ToArray();
        var next = new double[current.Length];
        var prefix = new double[current.Length + 1];
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < current.Length; i++)
            {
                prefix[i + 1] = prefix[i] + current[i];
            }

            for (var i = 0; i < current.Length; i++)
            {
                var lo = Math.Max(0, i - r);
                var hi = Math.Min(current.Length, i + r + 1);
                next[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
            }

            (current, next) = (next, current);
        }

        var result = new double[values.Length];
        current.CopyTo(result, from);
        return result;
    }

    /// <summary>Normalised Gaussian kernel of odd length covering ±3 sigma.</summary>
    public static double[] Kernel(double sigmaPoints)
    {
        var half = Math.Max(1, (int)Math.Ceiling(3 * sigmaPoints));
        var kernel = new double[(2 * half) + 1];
        double total = 0;
        for (var i = -half; i <= half; i++)
        {
            var w = Math.Exp(-0.5 * i * i / (sigmaPoints * sigmaPoints));
            kernel[i + half] = w;
            total += w;
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= total;
        }

        return kernel;
    }

    /// <summary>
    /// Half-wave-rectified central difference, (x[k+1] - x[k-1]) / 2 clipped at zero: the rise of a signal, centred
    /// on the sample (a one-sided difference would move every onset by half a step).
    /// </summary>
    public static GridSignal Rise(GridSignal signal)
    {
        var values = new double[signal.Values.Length];
        var from = signal.ValidFrom + 1;
        var to = signal.ValidTo - 1;
        for (var k = from; k < to; k++)
        {
            values[k] = Math.Max(0, 0.5 * (signal.Values[k + 1] - signal.Values[k - 1]));
        }

        return new GridSignal(values, from, Math.Max(from, to));
    }

    /// <summary>Magnitude of the central difference: how fast the signal changes, either way.</summary>
    public static GridSignal Change(GridSignal signal)
    {
        var values = new double[signal.Values.Length];
        var from = signal.ValidFrom + 1;
        var to = signal.ValidTo - 1;
        for (var k = from; k < to; k++)
        {
            values[k] = Math.Abs(0.5 * (signal.Values[k + 1] - signal.Values[k - 1]));
        }

        return new GridSignal(values, from, Math.Max(from, to));
    }

    /// <summary>
    /// The signal minus its Gaussian-smoothed self (<paramref name="sigmaPoints"/>): removes slow trends (speech on
    /// or off for seconds, lighting drift) that would otherwise dominate a correlation and flatten its peak.
    /// </summary>
    public static GridSignal HighPass(GridSignal signal, double sigmaPoints)
    {
        var slow = Gaussian(signal.Values, signal.ValidFrom, signal.ValidTo, sigmaPoints);
        var values = new double[signal.Values.Length];
        for (var k = signal.ValidFrom; k < signal.ValidTo; k++)
        {
            values[k] = signal.Values[k] - slow[k];
        }

        return new GridSignal(values, signal.ValidFrom, signal.ValidTo);
    }
}
