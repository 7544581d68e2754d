namespace Avts.Web.Api;

/// <summary>One stream in <see cref="HealthReport"/>.</summary>
/// <param name="Name">The stream's name.</param>
/// <param name="State">Its state, snake_case.</param>
/// <param name="Since">When it entered that state.</param>
/// <param name="Alert">Whether an alert is raised.</param>
/// <param name="LastDelayMs">The last smoothed delay, or null.</param>
/// <param name="LastWindowAt">When its last window was scored, or null.</param>
/// <param name="Reason">Why this stream makes the host Degraded, or null when it does not.</param>
public sealed record StreamHealth(string Name, string State, DateTimeOffset Since, bool Alert, double? LastDelayMs, DateTimeOffset? LastWindowAt, string? Reason);
