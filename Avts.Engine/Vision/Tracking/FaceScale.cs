using Avts.Engine.Media;

namespace Avts.Engine.Vision.Tracking;

/// <summary>
/// The decode width at which faces are big enough for landmarks. Analysis decodes at 320 px, where a face on a stage
/// or in a wide shot is 10-40 px; the shape predictor wants about 80 px or more. A first detection on the 320 px
/// frames (the detector upscales them to find faces down to about 10 px) gives the face width, and the frames are
/// then decoded wider so the main face is at least <see cref="TargetFaceWidth"/> px.
/// </summary>
public static class FaceScale
{
    /// <summary>Face width, in pixels, the decode width is chosen for.</summary>
    public const int TargetFaceWidth = 100;

    /// <summary>Width of the frames the first detection runs on.</summary>
    public const int ProbeWidth = 320;

    // Smallest faces the first detection looks for on the probe frames, in turn until half the frames show a face.
    private static readonly int[] ProbeFaceWidths = [60, 20, 10];

    // Frames, spread over the clip, the first detection runs on.
    private const int ProbeFrames = 8;

    // Upscaling beyond this adds pixels but no detail.
    private const int MaxUpscale = 4;

    /// <summary>
    /// The width (even) to decode at so a face <paramref name="faceWidth"/> px wide in frames <paramref name="frameWidth"/>
    /// px wide becomes <see cref="TargetFaceWidth"/> px: never below <paramref name="minWidth"/>, never above
    /// <paramref name="maxWidth"/> or <see cref="MaxUpscale"/> times the source's <paramref name="sourceWidth"/>.
    /// </summary>
    public static int DecodeWidth(int frameWidth, double faceWidth, double sourceWidth, int minWidth = ProbeWidth, int maxWidth = 2560)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(faceWidth);
        var wanted = Math.Ceiling(frameWidth * TargetFaceWidth / faceWidth);
        var limit = Math.Min(maxWidth, MaxUpscale * sourceWidth);
        var width = (int)Math.Max(minWidth, Math.Min(wanted, limit));
        return width + (width % 2);
    }

    /// <summary>Seconds of picture the first detection looks at (from the requested start): enough to see the speakers, cheap to decode.</summary>
    public const double ProbeSeconds = 10;

    /// <summary>
    /// The decode width for <paramref name="input"/>'s faces (see <see cref="DecodeWidth"/>), from the largest face of
    /// each of a few frames spread over its first <see cref="ProbeSeconds"/> (from <paramref name="startSeconds"/>) —
    /// the smallest of those, false alarms aside; null when no face is found.
    /// </summary>
    public static async Task<int?> FindDecodeWidthAsync(string input, CancellationToken cancellationToken, string? cascadeFolder = null, double? startSeconds = null)
    {
        var decoded = await MediaDecoder.DecodeAsync(
            input,
            new DecodeOptions { VideoWidth = ProbeWidth, IncludeAudio = false, StartSeconds = startSeconds, DurationSeconds = ProbeSeconds, Deblock = true },
            cancellationToken).ConfigureAwait(false);
        if (decoded.Video is not { FrameCount: > 0 } video || decoded.Info.Video is not { } stream)
        {
            return null;
        }

        // Coarse to fine: detection cost grows steeply as the smallest face shrinks (320x256 frames, 2 cores: 25 ms a frame
        // for 60 px faces, 115 ms for 20 px, 380 ms for 10 px). Talking heads are found at once; wide shots take longer.
        var widths = new List<int>();
        foreach (var minFace in ProbeFaceWidths)
        {
            widths = FaceWidths(video, minFace, cascadeFolder, cancellationToken);
            if (2 * widths.Count >= Math.Min(ProbeFrames, video.FrameCount))
            {
                break;
            }
        }

        if (widths.Count == 0)
        {
            return null;
        }

        // The smallest of the sampled faces, so a zoom or a walk away from the camera stays above the target; faces
        // under a third of the largest are taken for the false alarms the upscaled probe frames give now and then.
        var largest = widths.Max();
        return DecodeWidth(video.Width, widths.Where(w => 3 * w >= largest).Min(), stream.DisplayWidth);
    }

    // The largest face of each of a few frames spread over the video, for faces of at least minFace px.
    private static List<int> FaceWidths(VideoTrack video, int minFace, string? cascadeFolder, CancellationToken cancellationToken)
    {
        using var detector = new FaceDetector(minFace, cascadeFolder);
        var widths = new List<int>();
        var samples = Math.Min(ProbeFrames, video.FrameCount);
        for (var k = 0; k < samples; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = (int)((k + 0.5) * video.FrameCount / samples);
            var faces = detector.Detect(video.Frame(index), video.Width, video.Height);
            if (faces.Count > 0)
            {
                widths.Add(faces.Max(f => f.Width));
            }
        }

        return widths;
    }
}
