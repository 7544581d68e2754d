using Avts.Engine.Model;

namespace Avts.Engine.Benchmarks;

/// <summary>What <see cref="InferenceBenchmark"/> times.</summary>
public sealed record InferenceBenchmarkOptions
{
    /// <summary>Architecture timed with seeded untrained weights (ignored when <see cref="WeightsPath"/> is set).</summary>
    public AvtsModelOptions Model { get; init; } = AvtsModelOptions.Tiny;

    /// <summary>A checkpoint to time instead (its card gives the architecture); null: untrained <see cref="Model"/>.</summary>
    public string? WeightsPath { get; init; }

    /// <summary>Largest delay searched each way, seconds: 2·range / 10 ms + 1 shifts are scored.</summary>
    public double RangeSeconds { get; init; } = 1;

    /// <summary>Timed windows after one warm-up.</summary>
    public int Runs { get; init; } = 10;

    /// <summary>Matrix-multiply rate to compare against, GFLOP/s (NaN: no percentage).</summary>
    public double PeakGflopPerSecond { get; init; } = double.NaN;
}
