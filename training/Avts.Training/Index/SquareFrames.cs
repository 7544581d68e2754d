using Avts.Engine.Media;
using OpenCvSharp;

namespace Avts.Training.Index;

/// <summary>
/// Reduces grey frames to the model's square with the centre crop and area resize of AvtsInputs. Cutting clips from
/// the result then crops nothing and resizes size to size (an exact copy in OpenCV), so cached and freshly decoded
/// tracks give identical model inputs; the frame PTS are kept, so no second frame-rate resampling shifts the picture.
/// </summary>
public static class SquareFrames
{
    /// <summary>The frames of <paramref name="video"/> as <paramref name="size"/>-pixel squares with the same timestamps.</summary>
    public static VideoTrack Of(VideoTrack video, int size)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var side = Math.Min(video.Width, video.Height);
        var plane = size * size;
        var pixels = new byte[video.FrameCount * plane];
        using var all = Mat.FromPixelData(video.FrameCount * video.Height, video.Width, MatType.CV_8UC1, video.Pixels);
        using var resized = new Mat(size, size, MatType.CV_8UC1);
        for (var f = 0; f < video.FrameCount; f++)
        {
            var crop = new Rect((video.Width - side) / 2, (f * video.Height) + ((video.Height - side) / 2), side, side);
            using (var frame = all.SubMat(crop))
            {
                Cv2.Resize(frame, resized, new Size(size, size), interpolation: InterpolationFlags.Area);
            }

            resized.GetArray(out byte[] data);
            data.CopyTo(pixels, f * plane);
        }

        return new VideoTrack(size, size, pixels, video.TimestampsSeconds);
    }
}
