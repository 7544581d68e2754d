using Avts.Engine.Media;
using OpenCvSharp;

namespace Avts.Engine.Vision;

/// <summary>
/// The measure the frozen-picture gate judges: for each frame, the largest mean absolute grey difference to the
/// previous frame within any cell of a <see cref="GridSize"/> x <see cref="GridSize"/> grid. A whole-frame mean
/// dilutes a small moving object (a 6 px ball on a 160x120 picture moves the mean by 0.2 grey levels, under the
/// gate's 0.5) while its cell still changes by about 3; identical frames (a black or repeated picture) stay at 0.
/// </summary>
public static class FrameChange
{
    /// <summary>Cells per side of the grid.</summary>
    public const int GridSize = 4;

    /// <summary>
    /// The largest cell mean of <paramref name="difference"/> (an absolute-difference image, one channel) and the mean over the whole image, from one pass over
    /// the cells (the whole mean is their area-weighted average).
    /// </summary>
    internal static (double Largest, double Whole) CellMeans(Mat difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        double largest = 0, sum = 0;
        for (var row = 0; row < GridSize; row++)
        {
            var top = row * difference.Rows / GridSize;
            var bottom = (row + 1) * difference.Rows / GridSize;
            for (var column = 0; column < GridSize; column++)
            {
                var left = column * difference.Cols / GridSize;
                var right = (column + 1) * difference.Cols / GridSize;
                if (bottom > top && right > left)
                {
                    using var cell = difference.SubMat(new Rect(left, top, right - left, bottom - top));
                    var mean = Cv2.Mean(cell).Val0;
                    largest = Math.Max(largest, mean);
                    sum += mean * (right - left) * (bottom - top);
                }
            }
        }

        var area = (double)difference.Rows * difference.Cols;
        return (largest, area > 0 ? sum / area : 0);
    }

    /// <summary>The measure for every frame of <paramref name="video"/>; entry 0 (no predecessor) is NaN.</summary>
    public static double[] PerFrame(VideoTrack video, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        var n = video.FrameCount;
        var change = new double[n];
        if (n == 0)
        {
            return change;
        }

        change[0] = double.NaN;
        if (n < 2 || video.Width == 0 || video.Height == 0)
        {
            return change;
        }

        int w = video.Width, h = video.Height;
        using var all = Mat.FromPixelData(n * h, w, MatType.CV_8UC1, video.Pixels);
        using var difference = new Mat(h, w, MatType.CV_8UC1);
        for (var i = 1; i < n; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            using var previous = all.SubMat(new Rect(0, (i - 1) * h, w, h));
            using var current = all.SubMat(new Rect(0, i * h, w, h));
            Cv2.Absdiff(current, previous, difference);
            change[i] = CellMeans(difference).Largest;
        }

        return change;
    }

    /// <summary>
    /// Largest value of <paramref name="perFrame"/> over the frames whose presentation time lies in
    /// [<paramref name="start"/>, <paramref name="end"/>] (0 when none).
    /// </summary>
    public static double Largest(double[] perFrame, double[] timestampsSeconds, double start, double end)
    {
        ArgumentNullException.ThrowIfNull(perFrame);
        ArgumentNullException.ThrowIfNull(timestampsSeconds);
        var largest = 0.0;
        for (var i = 1; i < perFrame.Length && i < timestampsSeconds.Length; i++)
        {
            var t = timestampsSeconds[i];
            if (t >= start && t <= end && perFrame[i] > largest)
            {
                largest = perFrame[i];
            }
        }

        return largest;
    }
}
