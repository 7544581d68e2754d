using Avts.Engine.Model;
using Avts.Engine.Scoring;

namespace Avts.Training.Calibration;

/// <summary>One <c>avts-train calibrate</c> run: the fitted table and how well it is calibrated.</summary>
public sealed record CalibrationResult
{
    /// <summary>The run's inputs.</summary>
    public required CalibrationOptions Options { get; init; }

    /// <summary>Videos and windows the table was fitted on.</summary>
    public int FitVideos { get; init; }

    /// <summary>Windows the table was fitted on.</summary>
    public int FitSamples { get; init; }

    /// <summary>Share of fit windows within ±40 ms.</summary>
    public double FitAccuracy { get; init; }

    /// <summary>"held-out" when the ECE was measured on <see cref="CalibrationOptions.HeldOut"/>, else "fit" (in-sample).</summary>
    public required string EvalSource { get; init; }

    /// <summary>Videos the ECE was measured on.</summary>
    public int EvalVideos { get; init; }

    /// <summary>Windows the ECE was measured on.</summary>
    public int EvalSamples { get; init; }

    /// <summary>Share of measured windows within ±40 ms.</summary>
    public double EvalAccuracy { get; init; }

    /// <summary>The fitted table (score → probability), increasing: for full windows, or every window when <see cref="ShortTable"/> is null.</summary>
    public required IReadOnlyList<CalibrationPoint> Table { get; init; }

    /// <summary>The table for windows shorter than <see cref="ShortBelowSeconds"/>; null when one table serves all.</summary>
    public IReadOnlyList<CalibrationPoint>? ShortTable { get; init; }

    /// <summary>Span below which a window counts as short, seconds.</summary>
    public double ShortBelowSeconds { get; init; }

    /// <summary>The fitted tables as the estimator applies them.</summary>
    internal WindowCalibration Calibration => new(Table, ShortTable, ShortBelowSeconds);

    /// <summary>Measured windows shorter than <see cref="ShortBelowSeconds"/>.</summary>
    public int ShortEvalSamples { get; init; }

    /// <summary>ECE over the short measured windows alone; NaN when there are none.</summary>
    public double ShortWindowsEce { get; init; }

    /// <summary>ECE over the full measured windows alone; NaN when there are none.</summary>
    public double FullWindowsEce { get; init; }

    /// <summary>Reliability bins of the calibrated confidences on the measured windows.</summary>
    public required IReadOnlyList<ReliabilityBin> Bins { get; init; }

    /// <summary>Expected calibration error of the calibrated confidence (10 bins).</summary>
    public double Ece { get; init; }

    /// <summary>The same with the estimator's uncalibrated default squash, for comparison.</summary>
    public double UncalibratedEce { get; init; }

    /// <summary>Share of measured windows below the commit threshold (reported as undetermined).</summary>
    public double UndeterminedShare { get; init; }

    /// <summary>Share of correct estimates among windows at or above the threshold; NaN when none.</summary>
    public double CommittedAccuracy { get; init; }

    /// <summary>The estimator's commit threshold (<see cref="SyncGate.MinimumConfidence"/>).</summary>
    public double CommitThreshold { get; init; }

    /// <summary>Every window the table was fitted on, in scoring order.</summary>
    public IReadOnlyList<CalibrationWindow> FitWindows { get; init; } = [];

    /// <summary>Every window the ECE was measured on (the fit windows when there is no held-out data).</summary>
    public IReadOnlyList<CalibrationWindow> EvalWindows { get; init; } = [];

    /// <summary>The card rewritten with the table, or null when <c>--write</c> was not given.</summary>
    public string? CardWritten { get; init; }
}
