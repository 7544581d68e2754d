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
        int fineFrom = fineCount, fineTo = 0;
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
            fineFrom = Math.Min(fineFrom, j);
            fineTo = j + 1;
        }

        var values = new double[grid.Count];
        if (fineTo <= fineFrom)
        {
            return new GridSignal(values, 0, 0);
        }

        var smooth = Smoothing.Gaussian(fine, fineFrom, fineTo, sigmaSeconds / fineStep);
        var from = (fineFrom + FineFactor - 1) / FineFactor;
        var to = ((fineTo - 1) / FineFactor) + 1;
        for (var k = from; k < to; k++)
        {
            values[k] = smooth[k * FineFactor];
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
