namespace Avts.Training.Corpus;

/// <summary>The loudness of a soundtrack as seen by the picture: one RMS value per video frame.</summary>
public static class AudioEnvelope
{
    /// <summary>
    /// RMS of <paramref name="samples"/> over one frame duration centred on each frame's presentation time, so the
    /// value drawn on frame f describes the sound heard while f is on screen (lag 0 by construction).
    /// </summary>
    public static double[] PerFrame(ReadOnlySpan<float> samples, ClipPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var envelope = new double[plan.FrameCount];
        var half = Math.Max(1, (int)Math.Round(plan.SampleRate / plan.Fps / 2));
        for (var f = 0; f < envelope.Length; f++)
        {
            var centre = plan.SampleOf(f);
            var from = Math.Max(0, centre - half);
            var to = Math.Min(samples.Length, centre + half);
            double sum = 0;
            for (var i = from; i < to; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            envelope[f] = to > from ? Math.Sqrt(sum / (to - from)) : 0;
        }

        return envelope;
    }

    /// <summary>Scales <paramref name="envelope"/> so its 95th percentile is 1 (clamped to [0, 1]); silence stays 0.</summary>
    public static double[] Normalise(double[] envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Length == 0)
        {
            return [];
        }

        var sorted = envelope.Order().ToArray();
        var reference = sorted[(int)Math.Floor(0.95 * (sorted.Length - 1))];
        return reference <= 1e-6 ? new double[envelope.Length] : [.. envelope.Select(v => Math.Clamp(v / reference, 0, 1))];
    }
}
