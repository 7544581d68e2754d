using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenCvSharp;

namespace Avts.Engine.Vision;

/// <summary>
/// Absolute frame differences summed per grid cell, over the whole frame and over one region, plus the later frame's
/// mean, in a single pass over the two frames with the SSE2 sum-of-absolute-differences instruction (psadbw), without
/// ever writing the difference image. The OpenCV sequence it replaces (absdiff into an image, then a mean per cell,
/// the frame and the region: 18 calls per frame) cost more in per-call overhead than in arithmetic: a live stream
/// spent a fifth of its scoring CPU there. Sums are exact integers, so every mean equals OpenCV's bit for bit.
/// </summary>
internal static class FrameDifference
{
    /// <summary>
    /// Measures frame <paramref name="current"/> against <paramref name="previous"/> (both <paramref name="width"/> x
    /// <paramref name="height"/> grey, rows packed); <paramref name="region"/> (inside the frame) adds its own mean.
    /// </summary>
    public static FramePairStats Measure(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> current, int width, int height, Rect? region)
    {
        var size = width * height;
        if (previous.Length < size || current.Length < size)
        {
            throw new ArgumentException("A frame is shorter than width x height.");
        }

        const int grid = FrameChange.GridSize;
        Span<long> cells = stackalloc long[grid * grid];
        Span<int> columns = stackalloc int[grid + 1];
        for (var c = 0; c <= grid; c++)
        {
            columns[c] = c * width / grid;
        }

        long currentSum = 0, regionSum = 0;
        var band = 0;
        for (var y = 0; y < height; y++)
        {
            while ((band + 1) * height / grid <= y)
            {
                band++;
            }

            var before = previous.Slice(y * width, width);
            var after = current.Slice(y * width, width);
            for (var c = 0; c < grid; c++)
            {
                cells[(band * grid) + c] += SumOfAbsoluteDifferences(before[columns[c]..columns[c + 1]], after[columns[c]..columns[c + 1]]);
            }

            currentSum += SumOfBytes(after);
            if (region is { } r && y >= r.Y && y < r.Y + r.Height)
            {
                regionSum += SumOfAbsoluteDifferences(before.Slice(r.X, r.Width), after.Slice(r.X, r.Width));
            }
        }

        // The same arithmetic as the cell means it replaces: the largest cell mean, and the whole-frame mean as the
        // area-weighted average of the cell means.
        double largest = 0, weighted = 0;
        for (var row = 0; row < grid; row++)
        {
            var cellHeight = ((row + 1) * height / grid) - (row * height / grid);
            for (var c = 0; c < grid; c++)
            {
                var cellWidth = columns[c + 1] - columns[c];
                if (cellHeight > 0 && cellWidth > 0)
                {
                    var mean = cells[(row * grid) + c] / ((double)cellWidth * cellHeight);
                    largest = Math.Max(largest, mean);
                    weighted += mean * cellWidth * cellHeight;
                }
            }
        }

        var area = (double)width * height;
        var regionMean = region is { Width: > 0, Height: > 0 } box ? regionSum / ((double)box.Width * box.Height) : double.NaN;
        return new FramePairStats(largest, area > 0 ? weighted / area : 0, area > 0 ? currentSum / area : 0, regionMean);
    }

    /// <summary>The mean grey level of one frame.</summary>
    public static double Mean(ReadOnlySpan<byte> frame) => frame.IsEmpty ? 0 : SumOfBytes(frame) / (double)frame.Length;

    /// <summary>Σ|a[i] − b[i]| over two spans of the same length.</summary>
    // Optimised at first call: a check runs in a fresh process, and the tiered JIT's first, unoptimised version of a
    // vector loop is several times slower than the one it replaces it with after 30 calls (perf: QuickJitted here).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long SumOfAbsoluteDifferences(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long sum = 0;
        var i = 0;
        if (Sse2.IsSupported && a.Length >= Vector128<byte>.Count)
        {
            ref var left = ref MemoryMarshal.GetReference(a);
            ref var right = ref MemoryMarshal.GetReference(b);
            var total = Vector128<ulong>.Zero;
            for (; i <= a.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var x = Vector128.LoadUnsafe(ref left, (nuint)i);
                var y = Vector128.LoadUnsafe(ref right, (nuint)i);
                total += Sse2.SumAbsoluteDifferences(x, y).AsUInt64(); // two 16-bit sums, one per 64-bit half
            }

            sum = (long)(total.GetElement(0) + total.GetElement(1));
        }

        for (; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SumOfBytes(ReadOnlySpan<byte> a)
    {
        long sum = 0;
        var i = 0;
        if (Sse2.IsSupported && a.Length >= Vector128<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(a);
            var total = Vector128<ulong>.Zero;
            for (; i <= a.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                total += Sse2.SumAbsoluteDifferences(Vector128.LoadUnsafe(ref start, (nuint)i), Vector128<byte>.Zero).AsUInt64();
            }

            sum = (long)(total.GetElement(0) + total.GetElement(1));
        }

        for (; i < a.Length; i++)
        {
            sum += a[i];
        }

        return sum;
    }
}
