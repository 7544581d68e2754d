namespace Avts.Engine.Vision.Tracking;

/// <summary>
/// A small face-aligned appearance sample for telling a followed face from whatever replaced it: the inner face
/// (box units 0.15-0.85, eyes to chin) resampled through the landmarks' placement to 16 x 16, then normalised to
/// zero mean and unit variance, so the correlation of two patches ignores lighting changes. A talking face keeps a
/// high correlation from frame to frame; a shot cut or a box that slid off the face does not.
/// </summary>
internal static class FacePatch
{
    /// <summary>Width and height of a patch in samples.</summary>
    public const int Side = 16;

    private const double Margin = 0.15;

    /// <summary>The normalised patch of the face placed by <paramref name="placement"/> (box units to pixels).</summary>
    public static float[] Sample(ReadOnlySpan<byte> grey, int width, int height, Similarity placement)
    {
        var step = (1 - (2 * Margin)) / Side;
        // Patch sample u sits at the centre of its cell: box unit Margin + step x (u + 0.5).
        var patchToBox = new Similarity(step, 0, Margin + (step / 2), Margin + (step / 2));
        var patch = new float[Side * Side];
        AlignedSampler.Sample(grey, width, height, placement.After(patchToBox), Side, patch);
        var mean = patch.Average();
        var deviation = Math.Sqrt(patch.Sum(v => (v - mean) * (v - mean)) / patch.Length);
        for (var i = 0; i < patch.Length; i++)
        {
            // A flat patch (a black frame) correlates with nothing.
            patch[i] = deviation > 1e-3 ? (float)((patch[i] - mean) / deviation) : 0;
        }

        return patch;
    }

    /// <summary>Normalised cross-correlation of two patches, -1..1.</summary>
    public static double Correlation(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        double sum = 0;
        for (var i = 0; i < first.Length; i++)
        {
            sum += first[i] * second[i];
        }

        return sum / first.Length;
    }
}
