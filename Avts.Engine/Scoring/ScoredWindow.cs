namespace Avts.Engine.Scoring;

/// <summary>One analysis window as the AVTS estimator scores it, before calibration.</summary>
/// <param name="StartSeconds">Window start on the video clock, seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="Curve">Mean distance curve of the window's clips over the searched shifts; null when the window was
/// refused (silent, frozen, no clip fits).</param>
/// <param name="RawScore">The uncalibrated score of <see cref="DistanceCurve.Score"/>; 0 when there is no estimate.</param>
/// <param name="DelayMs">Refined audio delay of the curve's minimum (positive = the sound is late); null when refused
/// or the minimum lies on the edge of the range.</param>
public sealed record ScoredWindow(double StartSeconds, double EndSeconds, double[]? Curve, double RawScore, double? DelayMs);
