namespace Avts.Engine.Dsp;

/// <summary>
/// Log-energy envelope of mono PCM on a <see cref="TimeGrid"/>, built so that a sound's onset lands at the time of
/// its first sample (no systematic lead or lag).
/// </summary>
internal static class AudioEnvelope
{
    /// <summary>Internal resolution: this many fine points per grid step.</summary>
    private const int FineFactor = 5;

    /// <summary>
    /// Energy frame length in seconds. The frame for time t covers [t - FrameSeconds, t): a trailing frame first sees
    /// an onset at exactly its time, and under log compression the rise is nearly complete as soon as the frame holds
    /// a little of the new sound. A centred frame would report every onset about half a frame early.
    /// </summary>
    private const double FrameSeconds = 0.002;

    /// <summary>Floor added to the energy before the log, relative to the track's mean energy (about -30 dB).</summary>
    private const double RelativeFloor = 1e-3;

    /// <summary>
    /// Natural-log energy of <paramref name="samples"/> (first sample at <paramref name="startSeconds"/>) on
    /// <paramref name="grid"/>, Gaussian-smoothed with <paramref name="sigmaSeconds"/>. Valid where the track exists.
    /// </summary>
    public static GridSignal LogEnergy(
        ReadOnlySpan<float> samples, int sampleRate, double startSeconds, TimeGrid grid, double sigmaSeconds)
    {
        var (fine, from, to) = FineLogEnergy(samples, sampleRate, startSeconds, grid);
        var smooth = Smoothing.Gaussian(fine, from, to, sigmaSeconds / (grid.Step / FineFactor));
        return Decimate(smooth, from, to, grid.Count);
    }

    /// <summary>
    /// Onset strength on <paramref name="grid"/>: the half-wave-rectified rise of the log energy, taken at the fine
    /// resolution with light smoothing (<see cref="OnsetSharpSigmaSeconds"/>) and only then widened to
    /// <paramref name="sigmaSeconds"/>. Rectifying before the wide smoothing matters: a sound that decays right after
    /// its attack (a click) would otherwise have the back half of its rise cancelled by the decay, moving the onset
    /// early by several milliseconds.
    /// </summary>
    public static GridSignal OnsetStrength(
        ReadOnlySpan<float> samples, int sampleRate, double startSeconds, TimeGrid grid, double sigmaSeconds)
    {
        var fineStep = grid.Step / FineFactor;
        var (fine, from, to) = FineLogEnergy(samples, sampleRate, startSeconds, grid);
        var sharp = Smoothing.Gaussian(fine, from, to, OnsetSharpSigmaSeconds / fineStep);
        var rise = Smoothing.Rise(new GridSignal(sharp, from, to));
        var wide = Smoothing.Gaussian(rise.Values, rise.ValidFrom, rise.ValidTo, sigmaSeconds / fineStep);
        return Decimate(wide, rise.ValidFrom, rise.ValidTo, grid.Count);
    }

    /// <summary>Light smoothing of the fine log energy before differencing (keeps within-frame ripple out of the rise).</summary>
    private const double OnsetSharpSigmaSeconds = 0.0015;

    /// <summary>Log energy at <see cref="FineFactor"/> points per grid step; returns the values and the valid range.</summary>
    private static (double[] Values, int From, int To) FineLogEnergy(
        ReadOnlySpan<float> samples, int sampleRate, double startSeconds, TimeGrid grid)
    {
        var n = samples.Length;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + ((double)samples[i] * samples[i]);
        }

        var floor = Math.Max(n > 0 ? prefix[n] / n * RelativeFloor : 0, 1e-12);
        var fineStep = grid.Step / FineFactor;
        var fineCount = ((grid.Count - 1) * FineFactor) + 1;
        var fine = new double[fineCount];
        var frameSamples = Math.Max(1, (int)Math.Round(FrameSeconds * sampleRate));
        int from = fineCount, to = 0;
        for (var j = 0; j < fineCount; j++)
        {
            // Samples presented before time t: index < (t - start) * rate.
            var end = (int)Math.Ceiling(((grid.Origin + (j * fineStep) - startSeconds) * sampleRate) - 1e-9);
            var begin = end - frameSamples;
            if (begin < 0 || end > n)
            {
                continue;
            }

            fine[j] = Math.Log(((prefix[end] - prefix[begin]) / frameSamples) + floor);
            from = Math.Min(from, j);
            to = j + 1;
        }

        return (fine, Math.Min(from, to), to);
    }

    /// <summary>Keeps every <see cref="FineFactor"/>-th fine point (the fine signal is already smoothed, no aliasing).</summary>
    private static GridSignal Decimate(double[] fine, int fineFrom, int fineTo, int count)
    {
        var values = new double[count];
        if (fineTo <= fineFrom)
        {
            return new GridSignal(values, 0, 0);
        }

        var from = (fineFrom + FineFactor - 1) / FineFactor;
        var to = ((fineTo - 1) / FineFactor) + 1;
        for (var k = from; k < to; k++)
        {
            values[k] = fine[k * FineFactor];
        }

        return new GridSignal(values, from, Math.Max(from, to));
    }

    /// <summary>Root-mean-square level of the samples presented in [<paramref name="from"/>, <paramref name="to"/>) seconds.</summary>
    public static double Rms(ReadOnlySpan<float> samples, int sampleRate, double startSeconds, double from, double to)
    {
        var a = Math.Clamp((int)((from - startSeconds) * sampleRate), 0, samples.Length);
        var b = Math.Clamp((int)((to - startSeconds) * sampleRate), 0, samples.Length);
        if (b <= a)
        {
            return 0;
        }

        double sum = 0;
        for (var i = a; i < b; i++)
        {
            sum += (double)samples[i] * samples[i];
        }

        return Math.Sqrt(sum / (b - a));
    }
}
