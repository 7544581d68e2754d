namespace Avts.Web.Engine;

/// <summary>One stream as <c>GET /api/streams</c> shows it: its configuration and its current health.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Location">What ffmpeg opens.</param>
/// <param name="Loop">Replayed endlessly.</param>
/// <param name="RealTime">Read at native rate.</param>
/// <param name="InjectDelay">Injected delay schedule, or null.</param>
/// <param name="Transport">RTSP transport (auto, tcp, udp).</param>
/// <param name="Paused">Out of the pipeline but kept.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="State">Current state, snake_case (connecting, live, reconnecting, failed, ended, paused, ...).</param>
/// <param name="StateSince">When the stream entered <paramref name="State"/>.</param>
/// <param name="Detail">Why (for reconnecting/failed), or null.</param>
/// <param name="LastDelayMs">The last smoothed delay, or null.</param>
/// <param name="Alert">Whether an alert is raised.</param>
/// <param name="LastWindowAt">When the last window was scored, or null.</param>
/// <param name="Windows">Windows scored since the host started.</param>
/// <param name="DroppedWindows">Windows the engine dropped for this stream.</param>
/// <param name="WatchedSince">When it last entered the pipeline (added, restored at start, or resumed).</param>
/// <param name="Node">The node scoring it now (this host's name on a single machine), or null when none does (paused, moving).</param>
public sealed record StreamSnapshot(
    string Name,
    string Location,
    bool Loop,
    bool RealTime,
    string? InjectDelay,
    string Transport,
    bool Paused,
    DateTimeOffset AddedAt,
    string State,
    DateTimeOffset StateSince,
    string? Detail,
    double? LastDelayMs,
    bool Alert,
    DateTimeOffset? LastWindowAt,
    long Windows,
    long DroppedWindows,
    DateTimeOffset WatchedSince,
    string? Node = null);
