namespace Avts.Engine.Scoring;

/// <summary>One scored estimate whose correctness is known: the input of a confidence calibration.</summary>
/// <param name="Score">The estimator's raw (uncalibrated) score, or a confidence 0..1 when bins are measured.</param>
/// <param name="Correct">Whether the estimate was right (for the AVTS estimator: within ±40 ms of the true delay).</param>
public readonly record struct CalibrationSample(double Score, bool Correct);
