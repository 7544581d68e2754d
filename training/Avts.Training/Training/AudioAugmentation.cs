namespace Avts.Training.Training;

/// <summary>
/// Channel and background augmentation of a training audio window (raw samples, before the log-mel): a random gain,
/// a first-order tilt of the spectrum (a dull or bright microphone), and on some windows another video's sound mixed
/// under it at a random signal-to-noise ratio. GRID is clean studio speech and most footage users check is not: TV
/// interviews, music beds, a restaurant. Timing is never touched, so the sync label stays true; the mixed sound is
/// drawn from a random place in a random video, so it carries no sync cue of its own.
/// </summary>
public static class AudioAugmentation
{
    /// <summary>Largest gain either way, dB.</summary>
    public const double MaxGainDb = 12;

    /// <summary>Largest first-order tilt coefficient (y[n] = x[n] + a·x[n−1], |a| ≤ this).</summary>
    public const double MaxTilt = 0.7;

    /// <summary>Share of windows that get another video's sound mixed in.</summary>
    public const double MixShare = 0.5;

    /// <summary>Signal-to-noise ratio of the mixed sound, dB: drawn uniformly in [min, max].</summary>
    public const double MinSnrDb = 0;

    /// <summary>See <see cref="MinSnrDb"/>.</summary>
    public const double MaxSnrDb = 20;

    /// <summary>
    /// Augments <paramref name="samples"/> in place with draws from <paramref name="random"/>; the mixed sound comes
    /// from <paramref name="soundtracks"/> (any of them, at any position long enough).
    /// </summary>
    public static void Apply(float[] samples, IReadOnlyList<float[]> soundtracks, Random random)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(soundtracks);
        ArgumentNullException.ThrowIfNull(random);
        var tilt = MaxTilt * ((2 * random.NextDouble()) - 1);
        var gain = Math.Pow(10, MaxGainDb * ((2 * random.NextDouble()) - 1) / 20);
        var mix = random.NextDouble() < MixShare ? Background(samples.Length, soundtracks, random) : null;
        if (mix is not null)
        {
            var signal = Rms(samples);
            var noise = Rms(mix);
            if (signal > 0 && noise > 0)
            {
                var snrDb = MinSnrDb + ((MaxSnrDb - MinSnrDb) * random.NextDouble());
                var scale = (float)(signal / noise / Math.Pow(10, snrDb / 20));
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] += scale * mix[i];
                }
            }
        }

        float previous = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i];
            samples[i] = (float)(gain * (x + (tilt * previous)));
            previous = x;
        }
    }

    // A stretch of `length` samples from a random soundtrack long enough, or null when none is.
    private static float[]? Background(int length, IReadOnlyList<float[]> soundtracks, Random random)
    {
        for (var attempt = 0; attempt < 8 && soundtracks.Count > 0; attempt++)
        {
            var track = soundtracks[random.Next(soundtracks.Count)];
            if (track.Length >= length)
            {
                var start = random.Next(track.Length - length + 1);
                return track.AsSpan(start, length).ToArray();
            }
        }

        return null;
    }

    private static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }
}
