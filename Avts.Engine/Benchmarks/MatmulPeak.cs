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
    /// <summary>Times <paramref name="runs"/> products of two random <paramref name="size"/>² matrices after two warm-ups; keeps the fastest.</summary>
    public static MatmulPeakRow Measure(int size = 1024, int runs = 10)
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
