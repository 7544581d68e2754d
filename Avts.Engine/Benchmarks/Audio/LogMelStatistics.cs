namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// The hand-made baseline features of a clip: for every log-mel band, the mean and standard deviation over time of
/// the log-mel and of its first difference along time (the delta), so 4 × bands values (160 for 40 bands). This is
/// the "averaged mel-log-spectrogram" kind of feature that does well on scene classification with a linear model.
/// </summary>
public static class LogMelStatistics
{
    /// <summary>Values per band: mean, std, delta mean, delta std.</summary>
    public const int ValuesPerBand = 4;

    /// <summary>Describes the features, for the protocol line.</summary>
    public static string Describe(int bands) =>
        $"logmel = per-band mean and std over time of the {bands} log-mel bands and of their time deltas ({ValuesPerBand * bands}-d)";

    /// <summary>Features of a log-mel image [bands, frames] (at least 2 frames).</summary>
    public static float[] Compute(float[,] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        var bands = logMel.GetLength(0);
        var frames = logMel.GetLength(1);
        if (frames < 2)
        {
            throw new ArgumentException("The log-mel needs at least 2 frames for deltas.", nameof(logMel));
        }

        var result = new float[ValuesPerBand * bands];
        var values = new double[frames];
        var deltas = new double[frames - 1];
        for (var b = 0; b < bands; b++)
        {
            for (var t = 0; t < frames; t++)
            {
                values[t] = logMel[b, t];
            }

            for (var t = 0; t < deltas.Length; t++)
            {
                deltas[t] = values[t + 1] - values[t];
            }

            (result[b], result[bands + b]) = MeanStd(values);
            (result[(2 * bands) + b], result[(3 * bands) + b]) = MeanStd(deltas);
        }

        return result;
    }

    private static (float Mean, float Std) MeanStd(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return ((float)mean, (float)Math.Sqrt(variance));
    }
}
