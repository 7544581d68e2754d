namespace Avts.Engine.Benchmarks;

/// <summary>The machine's measured float32 matrix-multiply rate: the reference "peak" for the models' GFLOP/s.</summary>
/// <param name="Size">Side n of the square matrices (2·n³ floating-point operations per product).</param>
/// <param name="Runs">Timed products (after a warm-up).</param>
/// <param name="Threads">torch.get_num_threads() during the run.</param>
/// <param name="BestMs">Fastest product, milliseconds.</param>
/// <param name="GflopPerSecond">2·n³ / best time, in 10⁹ operations per second.</param>
public sealed record MatmulPeakRow(int Size, int Runs, int Threads, double BestMs, double GflopPerSecond) : SpeedRow;
