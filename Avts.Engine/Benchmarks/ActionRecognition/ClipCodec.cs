using Avts.Engine.Model;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Keeps cut clips as bytes (the grey levels they were normalised from) instead of floats: a quarter of the memory,
/// which is what lets a few clips of every UCF101 training video stay in memory, and exact, because
/// <see cref="AvtsInputs.VideoClip"/> maps each byte linearly.
/// </summary>
public static class ClipCodec
{
    /// <summary>The bytes a normalised clip was made from.</summary>
    public static byte[] Pack(float[] clip, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(options);
        var packed = new byte[clip.Length];
        for (var i = 0; i < clip.Length; i++)
        {
            packed[i] = (byte)Math.Clamp(Math.Round(((clip[i] * options.PixelStd) + options.PixelMean) * 255f), 0, 255);
        }

        return packed;
    }

    /// <summary>Writes the normalised values of <paramref name="packed"/> into <paramref name="destination"/>.</summary>
    public static void Unpack(byte[] packed, AvtsModelOptions options, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(packed);
        ArgumentNullException.ThrowIfNull(options);
        var scale = 1f / (255f * options.PixelStd);
        var offset = options.PixelMean / options.PixelStd;
        for (var i = 0; i < packed.Length; i++)
        {
            destination[i] = (packed[i] * scale) - offset;
        }
    }
}
