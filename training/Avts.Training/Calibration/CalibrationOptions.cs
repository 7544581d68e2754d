using Avts.Engine.Scoring;

namespace Avts.Training.Calibration;

/// <summary>What <c>avts-train calibrate</c> fits and where it measures the result.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Checkpoint (.bin) with its card next to it.</summary>
    public required string Weights { get; init; }

    /// <summary>Videos the table is fitted on: a folder or a clip cache (kept out of training).</summary>
    public required string Data { get; init; }

    /// <summary>Videos the ECE is measured on (a folder or clip cache); null measures it on <see cref="Data"/> and says so.</summary>
    public string? HeldOut { get; init; }

    /// <summary>Injected audio shifts, ms (positive = audio moved later).</summary>
    public IReadOnlyList<double> ShiftsMs { get; init; } = CalibrationSampler.DefaultShiftsMs;

    /// <summary>Seed of the window starts.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Window length and search range the estimator is calibrated for (the analysis defaults).</summary>
    public AnalysisOptions Analysis { get; init; } = new();

    /// <summary>cpu, cuda or auto.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Whether to store the table and metrics in the card next to <see cref="Weights"/>.</summary>
    public bool Write { get; init; }
}
