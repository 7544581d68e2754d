namespace Avts.Live.Pipeline;

/// <summary>A stream's health changed between windows (connecting, reconnecting, failed, back live).</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="At">When it changed (the injected scheduler's clock).</param>
/// <param name="State">The new state.</param>
/// <param name="Detail">One line saying why, or null.</param>
public sealed record StreamStatusChange(string Stream, DateTimeOffset At, StreamState State, string? Detail)
{
    /// <summary>The schema tag written with every JSON line.</summary>
    public const string Schema = "avts.live.status/1";
}
