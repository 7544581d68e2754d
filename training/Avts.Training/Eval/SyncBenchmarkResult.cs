using Avts.Training.Training;

namespace Avts.Training.Eval;

/// <summary>One <c>avts-train eval</c> run: what was evaluated and the validator's numbers.</summary>
public sealed record SyncBenchmarkResult
{
    /// <summary>Weights file as given.</summary>
    public required string Weights { get; init; }

    /// <summary>Data folder or clip cache as given.</summary>
    public required string Data { get; init; }

    /// <summary>Videos evaluated (each gives clips with a positive, an easy and a hard negative).</summary>
    public int Clips { get; init; }

    /// <summary>Pairs scored.</summary>
    public int Pairs { get; init; }

    /// <summary>Seed of the pairs.</summary>
    public int Seed { get; init; }

    /// <summary>Where the threshold came from ("model card val_threshold" or "0.5 x default margin").</summary>
    public required string ThresholdSource { get; init; }

    /// <summary>The accuracies, distances and offset errors.</summary>
    public required ValidationResult Result { get; init; }
}
