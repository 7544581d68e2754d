using Avts.Engine.Reports;

namespace Avts.Live.Pipeline;

/// <summary>How the live pipeline windows, scores, smooths and alerts. Defaults suit 25-30 fps broadcast streams.</summary>
public sealed record LiveOptions
{
    /// <summary>Window length in seconds (both picture and sound cover the same presentation-time span).</summary>
    public double WindowSeconds { get; init; } = 4;

    /// <summary>Hop between window starts in seconds (one result per stream per hop).</summary>
    public double HopSeconds { get; init; } = 1;

    /// <summary>Largest audio delay searched each way, in seconds.</summary>
    public double RangeSeconds { get; init; } = 1;

    /// <summary>
    /// How far (presentation time) one medium may run ahead of the other before a window is closed without the lagging
    /// one, which is then reported missing (no audio / no video). Absorbs arrival jitter between the two.
    /// </summary>
    public double MaxSkewSeconds { get; init; } = 3;

    /// <summary>How many recent committed windows the reported delay is the median of.</summary>
    public int SmoothingWindows { get; init; } = 3;

    /// <summary>How many minutes of committed windows the drift (ms per minute) is fitted over.</summary>
    public double DriftMinutes { get; init; } = 2;

    /// <summary>Consecutive out-of-tolerance windows that raise an alert.</summary>
    public int AlertAfterBadWindows { get; init; } = 3;

    /// <summary>Consecutive in-tolerance windows that clear a raised alert.</summary>
    public int ClearAfterGoodWindows { get; init; } = 3;

    /// <summary>The allowed delay range; windows outside it count as bad.</summary>
    public ToleranceProfile Tolerance { get; init; } = ToleranceProfiles.Resolve(ToleranceProfiles.DefaultName, null);

    /// <summary>Windows waiting to be scored per stream; when full the oldest is dropped and counted.</summary>
    public int MaxQueuedWindowsPerStream { get; init; } = 2;

    /// <summary>Largest number of windows (across streams) scored in one batch.</summary>
    public int MaxBatch { get; init; } = 16;

    /// <summary>No data for this long means the source stalled: it is restarted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an opening may take until its first media (probe, connect, key frame, RTCP alignment) before it is
    /// restarted; the stall timeout applies once media flowed (the longer of the two is used). An opening that says it
    /// is <see cref="Sources.SourceStatus.Listening"/> (udp, rtp, srt listener, rtmp listen) has no such limit.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Longest reconnect delay. It bounds how long a stream that pulls from a server (RTSP, RTMP, SRT caller, HLS) can
    /// stay down after the server has data again: the next attempt starts at most this long after the last one failed,
    /// so 2 s keeps recovery within about 3 s (with the ~1 s until the first frame) at the cost of one refused connect
    /// every 2 s while the server is down. Listening inputs do not depend on it: their opening waits for the sender.
    /// </summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reconnect attempts in a row without receiving media before the stream is declared failed (0 = never give up).</summary>
    public int MaxReconnectAttempts { get; init; }
}
