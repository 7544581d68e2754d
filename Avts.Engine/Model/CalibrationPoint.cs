namespace Avts.Engine.Model;

/// <summary>
/// One point of a confidence calibration table in a model card: the AVTS estimator's raw score (its effective
/// distance margin, see <c>AvtsEstimator</c>) and the probability, measured on held-out data, that an estimate with that
/// score is correct. Points are interpolated linearly and clamped at both ends.
/// </summary>
/// <param name="Score">Raw score (effective margin of the distance minimum).</param>
/// <param name="Probability">Measured probability of a correct estimate at that score, 0..1.</param>
public sealed record CalibrationPoint(double Score, double Probability);
