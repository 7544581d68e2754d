using Avts.Engine.Scoring;

namespace Avts.Training.Calibration;

/// <summary>One window scored for calibration: a video whose audio was moved by a known shift, and what the estimator made of it.</summary>
/// <param name="Video">Source file.</param>
/// <param name="ShiftMs">Audio moved this much later by presentation time (the true delay), ms.</param>
/// <param name="StartSeconds">Window start on the video clock, seconds.</param>
/// <param name="EndSeconds">Window end on the video clock, seconds (the span decides which table applies).</param>
/// <param name="RawScore">The estimator's uncalibrated score; 0 for a refused window.</param>
/// <param name="DelayMs">The estimated delay, ms; null when the estimator refused the window (silent, frozen, no clip,
/// minimum on the edge of the range).</param>
/// <param name="Correct">Whether the estimate lies within ±<see cref="CalibrationSampler.ToleranceMs"/> of the shift.</param>
public sealed record CalibrationWindow(string Video, double ShiftMs, double StartSeconds, double EndSeconds, double RawScore, double? DelayMs, bool Correct)
{
    /// <summary>Seconds of evidence the window scored.</summary>
    public double SpanSeconds => EndSeconds - StartSeconds;

    /// <summary>
    /// The estimator's confidence for this window under <paramref name="calibration"/>: a refused window gets 0
    /// whatever the table says, as in <c>AvtsEstimator.Analyze</c>.
    /// </summary>
    internal double Confidence(WindowCalibration calibration) => DelayMs is null ? 0 : calibration.Confidence(RawScore, SpanSeconds);
}
