using Avts.Engine.Vision.Lips;

namespace Avts.Engine.Model;

/// <summary>
/// Cuts lips-architecture clips out of a face's lip track by presentation time, as <see cref="AvtsInputs"/> cuts pixel
/// clips: frame k of the clip shows the track's frame presented at or before start + k / fps. The mouth shape is
/// centred on its mean over the clip (what is left is how the mouth moves, not its resting width or height, which
/// differ between speakers) and scaled to unit-order values; the crop, when the layout has one, is normalised like
/// pixels. Training and inference share this code, so the two cannot disagree on preprocessing.
/// </summary>
public static class LipInputs
{
    /// <summary>Multiplies the centred mouth coordinates (in eye distances, moving by a few hundredths) to unit order.</summary>
    public const float ShapeScale = 10f;

    /// <summary>Frames of the clip that may lack a face (the track lost it briefly) before there is no clip at all.</summary>
    public const double MaxMissingShare = 0.2;

    /// <summary>A track frame older than this when the clip needs it means the face was lost in between, seconds.</summary>
    public const double MaxHoldSeconds = 0.1;

    /// <summary>
    /// The clip of <see cref="AvtsModelOptions.ClipFrames"/> frames starting at <paramref name="startSeconds"/> as
    /// [values per frame, frames] values (<see cref="LipClipLayout"/>), or null when the track has no face for more
    /// than <see cref="MaxMissingShare"/> of the clip's frames. Missing frames take the nearest frame that has one.
    /// </summary>
    public static float[]? Clip(LipTrack track, double startSeconds, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(options);
        var layout = LipClipLayout.For(options);
        var frames = options.ClipFrames;
        var source = new LipFrame?[frames];
        var found = 0;
        for (var k = 0; k < frames; k++)
        {
            source[k] = FrameShownAt(track.Frames, startSeconds + ((double)k / options.FrameRate));
            found += source[k] is null ? 0 : 1;
        }

        if (found == 0 || frames - found > MaxMissingShare * frames)
        {
            return null;
        }

        FillGaps(source);
        var clip = new float[layout.ValuesPerFrame * frames];
        for (var v = 0; v < LipClipLayout.ShapeValues; v++)
        {
            var mean = 0.0;
            for (var k = 0; k < frames; k++)
            {
                mean += source[k]!.MouthPoints[v];
            }

            mean /= frames;
            for (var k = 0; k < frames; k++)
            {
                clip[(v * frames) + k] = (float)(source[k]!.MouthPoints[v] - mean) * ShapeScale;
            }
        }

        if (layout.CropSize > 0)
        {
            for (var k = 0; k < frames; k++)
            {
                var crop = source[k]!.MouthCrop;
                if (crop.Length != layout.CropValues)
                {
                    throw new ArgumentException($"the track's mouth crops are {source[k]!.CropSize} px; the model takes {layout.CropSize} px.", nameof(track));
                }

                for (var p = 0; p < layout.CropValues; p++)
                {
                    clip[((LipClipLayout.ShapeValues + p) * frames) + k] = (crop[p] - options.PixelMean) / options.PixelStd;
                }
            }
        }

        return clip;
    }

    // The last track frame presented at or before t, if the face was still there (not older than MaxHoldSeconds).
    private static LipFrame? FrameShownAt(IReadOnlyList<LipFrame> frames, double t)
    {
        int lo = 0, hi = frames.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (frames[mid].TimestampSeconds <= t + 1e-9)
            {
                best = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return best >= 0 && t - frames[best].TimestampSeconds <= MaxHoldSeconds ? frames[best] : null;
    }

    // Each missing frame takes the nearest present one (earlier on a tie).
    private static void FillGaps(LipFrame?[] source)
    {
        var filled = (LipFrame?[])source.Clone();
        for (var k = 0; k < source.Length; k++)
        {
            for (var d = 1; filled[k] is null && d < source.Length; d++)
            {
                filled[k] = (k - d >= 0 ? source[k - d] : null) ?? (k + d < source.Length ? source[k + d] : null);
            }
        }

        filled.CopyTo(source, 0);
    }
}
