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

    /// <summary>
    /// Windows with a scored span below this many seconds get their own table (the card's short-window calibration);
    /// null = <see cref="DefaultShortWindowFraction"/> of the analysis window, 0 = one table for every window.
    /// </summary>
    public double? ShortWindowSeconds { get; init; }

    /// <summary>Default short-window limit as a fraction of the analysis window.</summary>
    public const double DefaultShortWindowFraction = 0.75;

    /// <summary>The short-window limit in seconds that applies (see <see cref="ShortWindowSeconds"/>).</summary>
    public double ShortBelowSeconds => ShortWindowSeconds ?? (DefaultShortWindowFraction * Analysis.WindowSeconds);

    /// <summary>cpu, cuda or auto.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Whether to store the table and metrics in the card next to <see cref="Weights"/>.</summary>
    public bool Write { get; init; }
}
