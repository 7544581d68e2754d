using System.Diagnostics;
using TorchSharp;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// Measures the float32 matrix-multiply rate of this machine with libtorch's own GEMM at the current thread count:
/// the practical ceiling for the convolutions (which libtorch lowers to GEMMs), so a model's GFLOP/s can be read as a
/// share of what the CPU does at best.
/// </summary>
public static class MatmulPeak
{
    /// <summary>
    /// The faster of <see cref="Measure(int, int)"/> at 1024 and at 2048: small products leave part of the machine idle
    /// (packing and thread start-up are a larger share), and oneDNN's convolutions were seen to beat a lone 1024 product.
    /// </summary>
    public static MatmulPeakRow MeasureBest(int runs = 10) =>
        new[] { Measure(1024, runs), Measure(2048, Math.Max(1, runs / 2)) }.MaxBy(row => row.GflopPerSecond)!;

    /// <summary>Times <paramref name="runs"/> products of two random <paramref name="size"/>² matrices after two warm-ups; keeps the fastest.</summary>
    public static MatmulPeakRow Measure(int size, int runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var a = torch.rand([size, size]);
        var b = torch.rand([size, size]);
        var best = double.PositiveInfinity;
        for (var r = -2; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            using var product = torch.matmul(a, b); // synchronous on the CPU: done when it returns
            clock.Stop();
            if (r >= 0)
            {
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }
        }

        var flop = 2.0 * size * size * size;
        return new MatmulPeakRow(size, runs, torch.get_num_threads(), Timings.Round(best), Timings.Round(flop / (best / 1000) / 1e9, 1));
    }
}
