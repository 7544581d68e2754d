namespace Avts.Web.Engine;

/// <summary>A stream's alert was raised or cleared (derived from successive <c>LiveWindowResult.Alert</c> values).</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Raised">True when raised, false when cleared.</param>
/// <param name="RaisedAt">When the alert (this one, or the one being cleared) was raised.</param>
/// <param name="At">When the transition happened.</param>
/// <param name="AudioDelayMs">The smoothed delay at the transition, or null.</param>
/// <param name="PeakDelayMs">The delay of largest magnitude seen while raised so far, or null.</param>
/// <param name="ClearReason">Why it was cleared (<see cref="AlertClearReasons"/>); null when raised.</param>
public sealed record AlertTransition(
    string Stream, bool Raised, DateTimeOffset RaisedAt, DateTimeOffset At, double? AudioDelayMs, double? PeakDelayMs, string? ClearReason = null);
