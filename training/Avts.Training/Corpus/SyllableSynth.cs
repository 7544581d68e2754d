namespace Avts.Training.Corpus;

/// <summary>
/// Speech-like audio without recordings: syllables of voiced buzz plus breath noise under a smooth envelope,
/// separated by short gaps and occasional pauses, at roughly the 3-6 Hz syllable rate of real speech.
/// </summary>
public static class SyllableSynth
{
    /// <summary>Generates <paramref name="sampleCount"/> samples at <paramref name="sampleRate"/> Hz.</summary>
    public static float[] Generate(Random random, int sampleRate, int sampleCount)
    {
        ArgumentNullException.ThrowIfNull(random);
        var audio = new float[sampleCount];
        var pitch = 90 + (140 * random.NextDouble());
        var position = (int)(sampleRate * 0.1 * random.NextDouble());
        while (position < sampleCount)
        {
            var length = (int)(sampleRate * (0.08 + (0.22 * random.NextDouble())));
            var amplitude = 0.15 + (0.45 * random.NextDouble());
            var noiseShare = 0.1 + (0.5 * random.NextDouble());
            var syllablePitch = pitch * (0.85 + (0.3 * random.NextDouble()));
            // A one-pole low-pass with a per-syllable cutoff stands in for the vowel's formants.
            var smoothing = Math.Exp(-2 * Math.PI * (600 + (2400 * random.NextDouble())) / sampleRate);
            double filtered = 0, phase = 0;
            for (var i = 0; i < length && position + i < sampleCount; i++)
            {
                var shape = Math.Sin(Math.PI * i / length);
                phase += syllablePitch / sampleRate;
                var buzz = (2 * (phase - Math.Floor(phase))) - 1;
                var source = ((1 - noiseShare) * buzz) + (noiseShare * ((2 * random.NextDouble()) - 1));
                filtered = ((1 - smoothing) * source) + (smoothing * filtered);
                audio[position + i] = (float)(amplitude * shape * shape * filtered * 3);
            }

            var gap = random.NextDouble() < 0.15 ? 0.3 + (0.5 * random.NextDouble()) : 0.03 + (0.15 * random.NextDouble());
            position += length + (int)(sampleRate * gap);
        }

        return audio;
    }
}
