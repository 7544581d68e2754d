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
