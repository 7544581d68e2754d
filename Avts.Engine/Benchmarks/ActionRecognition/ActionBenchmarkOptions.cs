namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>What <see cref="ActionBenchmark"/> runs: which dataset and splits, which weights, which budget.</summary>
public sealed record ActionBenchmarkOptions
{
    /// <summary><see cref="Ucf101Layout.Name"/> or <see cref="Hmdb51Layout.Name"/>.</summary>
    public required string Dataset { get; init; }

    /// <summary>The dataset folder (layouts on <see cref="Ucf101Layout"/> and <see cref="Hmdb51Layout"/>).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Official splits to run, each 1..3; each gives one fold of the result rows.</summary>
    public IReadOnlyList<int> Splits { get; init; } = [1];

    /// <summary>The AVTS checkpoint (with its card): the "avts" initialisation, and the architecture of both.</summary>
    public required string WeightsPath { get; init; }

    /// <summary>The shared budget.</summary>
    public FineTuneOptions FineTune { get; init; } = new();
}
