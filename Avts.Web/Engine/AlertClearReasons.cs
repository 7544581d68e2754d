namespace Avts.Web.Engine;

/// <summary>Why an alert was closed (<c>clearReason</c> in the API, <c>clear_reason</c> in the database).</summary>
public static class AlertClearReasons
{
    /// <summary>The delay came back within tolerance.</summary>
    public const string Recovered = "recovered";

    /// <summary>The stream was paused (no longer watched).</summary>
    public const string Paused = "paused";

    /// <summary>The stream was removed.</summary>
    public const string Removed = "removed";

    /// <summary>The host stopped gracefully while the alert was open.</summary>
    public const string HostStopped = "host_stopped";

    /// <summary>Found open at start (the host had crashed); closed at the stream's last stored window.</summary>
    public const string HostRestarted = "host_restarted";

    /// <summary>Cluster mode: found open when the stream moved here from a node that was lost (kill -9, crash).</summary>
    public const string NodeLost = "node_lost";
}
