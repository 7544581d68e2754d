using Avts.Engine.Media;
using Avts.Engine.Model;
using OpenCvSharp;

namespace Avts.Engine.Vision;

/// <summary>
/// The lower-face square a talking-head model clip is cut from: the largest frontal face is detected on a few frames
/// spread over a span, the boxes are combined by a per-coordinate median (one false detection moves nothing), and the
/// square is centred on the mouth. Cutting the mouth out at the model's input size keeps it tens of pixels wide
/// whatever the framing; a whole 64-pixel frame of a head-and-shoulders shot leaves the mouth a few pixels.
/// </summary>
internal static class MouthCrop
{
    /// <summary>Frames sampled for detection per span.</summary>
    public const int SampledFrames = 5;

    /// <summary>Side of the square as a share of the face box width: mouth, chin and jaw line.</summary>
    public const double SideShare = 0.6;

    /// <summary>Height of the square's centre inside the face box, as a share of its height (the mouth).</summary>
    public const double CentreHeightShare = 0.8;

    private static readonly Lazy<FaceLocator?> SharedLocator = new(() =>
        File.Exists(FaceLocator.DefaultCascadePath) ? new FaceLocator(FaceLocator.DefaultCascadePath) : null);

    /// <summary>
    /// The mouth square for frames of <paramref name="video"/> presented in [<paramref name="fromSeconds"/>,
    /// <paramref name="toSeconds"/>), or null when no face is found there (or the cascade is missing).
    /// </summary>
    public static CropRegion? Find(VideoTrack video, double fromSeconds, double toSeconds)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (SharedLocator.Value is not { } locator || video.FrameCount == 0)
        {
            return null;
        }

        var first = video.FirstFrameAtOrAfter(fromSeconds);
        var last = video.FirstFrameAtOrAfter(toSeconds) - 1;
        if (last < first)
        {
            return null;
        }

        var faces = new List<Rect>(SampledFrames);
        using var all = Mat.FromPixelData(video.FrameCount * video.Height, video.Width, MatType.CV_8UC1, video.Pixels);
        for (var k = 0; k < SampledFrames; k++)
        {
            var index = first + (int)Math.Round((last - first) * (k + 0.5) / SampledFrames);
            using var frame = all.SubMat(new Rect(0, index * video.Height, video.Width, video.Height));
            if (locator.DetectLargestFace(frame, video.Width, video.Height) is { } face)
            {
                faces.Add(face);
            }
        }

        // A face seen on fewer than half of the samples is more likely a false detection than a talking head.
        return faces.Count * 2 < SampledFrames ? null : MouthSquare(FaceLocator.Median(faces), video.Width, video.Height);
    }

    /// <summary>The mouth square of <paramref name="face"/>, moved (and if need be shrunk) to lie inside the frame.</summary>
    public static CropRegion MouthSquare(Rect face, int width, int height)
    {
        var side = Math.Min((int)Math.Round(face.Width * SideShare), Math.Min(width, height));
        var centreX = face.X + (face.Width / 2.0);
        var centreY = face.Y + (face.Height * CentreHeightShare);
        var x = Math.Clamp((int)Math.Round(centreX - (side / 2.0)), 0, width - side);
        var y = Math.Clamp((int)Math.Round(centreY - (side / 2.0)), 0, height - side);
        return new CropRegion(x, y, Math.Max(1, side));
    }
}
