using Avts.Engine.Vision;
using OpenCvSharp;

namespace Avts.Tests.Engine.Vision;

public sealed class FrameDifferenceTests
{
    [Theory]
    [InlineData(320, 180)]
    [InlineData(321, 181)] // cells and rows that are no multiple of the vector width
    [InlineData(7, 5)]     // narrower than one vector: the scalar path alone
    [InlineData(3, 2)]     // empty cells
    public void Measure_EqualsOpenCvsAbsdiffAndMeans_BitForBit(int width, int height)
    {
        var random = new Random(width * 1000 + height);
        var previous = new byte[width * height];
        var current = new byte[width * height];
        random.NextBytes(previous);
        random.NextBytes(current);
        var region = width > 4 && height > 4 ? new Rect(width / 5, height / 3, width / 2, height / 2) : (Rect?)null;

        var stats = FrameDifference.Measure(previous, current, width, height, region);

        using var before = Mat.FromPixelData(height, width, MatType.CV_8UC1, previous);
        using var after = Mat.FromPixelData(height, width, MatType.CV_8UC1, current);
        using var difference = new Mat();
        Cv2.Absdiff(after, before, difference);
        var (largest, whole) = OpenCvCellMeans(difference);
        Assert.Equal(largest, stats.LargestCell);
        Assert.Equal(whole, stats.Whole);
        Assert.Equal(Cv2.Mean(after).Val0, stats.CurrentMean);
        if (region is { } box)
        {
            using var roi = difference.SubMat(box);
            Assert.Equal(Cv2.Mean(roi).Val0, stats.Region);
        }
        else
        {
            Assert.True(double.IsNaN(stats.Region));
        }
    }

    [Fact]
    public void SumOfAbsoluteDifferences_CountsEveryByte_IncludingTheExtremes()
    {
        var a = Enumerable.Range(0, 67).Select(i => (byte)(i % 2 == 0 ? 255 : 0)).ToArray();
        var b = Enumerable.Range(0, 67).Select(i => (byte)(i % 2 == 0 ? 0 : 255)).ToArray();

        Assert.Equal(67L * 255, FrameDifference.SumOfAbsoluteDifferences(a, b));
        Assert.Equal(0, FrameDifference.SumOfAbsoluteDifferences(a, a));
    }

    /// <summary>The OpenCV computation the single pass replaced: a mean per cell of a 4x4 grid, the whole mean as their area-weighted average.</summary>
    private static (double Largest, double Whole) OpenCvCellMeans(Mat difference)
    {
        const int grid = FrameChange.GridSize;
        double largest = 0, sum = 0;
        for (var row = 0; row < grid; row++)
        {
            int top = row * difference.Rows / grid, bottom = (row + 1) * difference.Rows / grid;
            for (var column = 0; column < grid; column++)
            {
                int left = column * difference.Cols / grid, right = (column + 1) * difference.Cols / grid;
                if (bottom > top && right > left)
                {
                    using var cell = difference.SubMat(new Rect(left, top, right - left, bottom - top));
                    var mean = Cv2.Mean(cell).Val0;
                    largest = Math.Max(largest, mean);
                    sum += mean * (right - left) * (bottom - top);
                }
            }
        }

        return (largest, sum / ((double)difference.Rows * difference.Cols));
    }
}
