namespace Avts.Engine.Scoring;

/// <summary>The offset found in one analysis window.</summary>
/// <param name="StartSeconds">Window start on the container timeline (video clock), seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="AudioDelayMs">Audio delay in milliseconds; positive = the sound is late (after the picture); null when
/// the window has nothing to sync on.</param>
/// <param name="Confidence">How sure the estimate is, 0..1.</param>
public sealed record WindowEstimate(double StartSeconds, double EndSeconds, double? AudioDelayMs, double Confidence);
