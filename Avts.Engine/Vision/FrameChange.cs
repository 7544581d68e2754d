using Avts.Engine.Media;

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
        var frameSize = w * h;
        ReadOnlySpan<byte> pixels = video.Pixels;
        for (var i = 1; i < n; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            change[i] = FrameDifference.Measure(
                pixels.Slice((i - 1) * frameSize, frameSize), pixels.Slice(i * frameSize, frameSize), w, h, region: null).LargestCell;
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
