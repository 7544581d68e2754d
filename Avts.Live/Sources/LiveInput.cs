namespace Avts.Live.Sources;

/// <summary>
/// What a <see cref="FfmpegLiveSource"/> opens and how: any location ffmpeg reads (file, rtsp, rtmp, srt, hls, udp
/// MPEG-TS) or a capture spec (see <see cref="CaptureInput"/>), with the replay options used for demos and tests.
/// </summary>
/// <param name="Location">A path, a URL or a capture spec such as <c>v4l2:/dev/video0+pulse:default</c>.</param>
public sealed record LiveInput(string Location)
{
    /// <summary>Reads the input at its native rate (ffmpeg <c>-re</c>) so that a file behaves like a live stream.</summary>
    public bool RealTime { get; init; }

    /// <summary>Replays a file endlessly (<c>-stream_loop -1</c>); ffmpeg 5.1 keeps timestamps increasing across loops.</summary>
    public bool Loop { get; init; }

    /// <summary>RTSP transport (ignored for other inputs).</summary>
    public RtspTransport Transport { get; init; } = RtspTransport.Auto;

    /// <summary>Injected audio delay (null: none).</summary>
    public DelaySchedule? AudioDelay { get; init; }

    /// <summary>Width of the grey analysis frames; the height keeps the displayed aspect ratio and is even.</summary>
    public int VideoWidth { get; init; } = 320;

    /// <summary>
    /// Socket I/O timeout for network inputs (rtsp <c>-timeout</c>, others <c>-rw_timeout</c>). ffmpeg 5.1's RTSP
    /// demuxer retries a timed-out read about five times, so a dead RTSP stream ends after roughly 6x this.
    /// </summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Last-resort watchdog: ffmpeg is killed (and the source errors) when it prints and outputs nothing this long.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For a capture device paired with another source on the same clock (see <see cref="SharedClockSource"/>): ffmpeg
    /// keeps the device's own timestamps (<c>-copyts</c>) and they are not moved to start at 0 here. For DirectShow
    /// these are the graph's reference-clock time in 100 ns units.
    /// </summary>
    public bool KeepDeviceTimestamps { get; init; }

    /// <summary>Extra environment for ffmpeg/ffprobe (e.g. PULSE_SERVER for a private PulseAudio daemon), or null.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// For RTP inputs (see <see cref="IsRtp"/>): how much media to hold back, at most, while waiting for the RTCP sender
    /// reports that put audio and video on one timeline (see <see cref="RtpTimelineGate"/>).
    /// </summary>
    public TimeSpan RtpSyncTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>True for inputs whose audio and video timestamps come from RTP (rtsp://, rtsps://, rtp://, .sdp).</summary>
    public bool IsRtp =>
        Location.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase)
        || Location.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase)
        || Location.StartsWith("rtp://", StringComparison.OrdinalIgnoreCase)
        || Location.EndsWith(".sdp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for inputs that wait for a sender instead of connecting to one: <c>udp://</c> and <c>rtp://</c>
    /// (connectionless: ffmpeg binds the port and packets arrive when the sender sends), <c>srt://…?mode=listener</c>
    /// and <c>rtmp://…?listen</c> (the publisher connects to us). Waiting costs nothing and an attempt that waits must
    /// not be cycled: it is the one that receives the data when the sender comes back. Such inputs are never probed
    /// by a separate ffprobe (a connection-oriented publisher would be accepted and dropped by it, and a UDP port can
    /// be bound by one process at a time); the live ffmpeg probes briefly itself.
    /// </summary>
    public bool IsListener =>
        IsConnectionless || (HasScheme("srt") && string.Equals(Query("mode"), "listener", StringComparison.OrdinalIgnoreCase))
        || (IsRtmp && Query("listen") is { } listen && listen != "0");

    /// <summary>True for <c>udp://</c> and <c>rtp://</c>: no connection, packets arrive while a sender sends.</summary>
    public bool IsConnectionless => HasScheme("udp") || HasScheme("rtp");

    /// <summary>
    /// True for MPEG-TS/FLV-style network streams (udp, rtp, srt, rtmp, tcp) whose parameters are in-band: ffmpeg's
    /// default 5 s analysis is shortened (see <see cref="FfmpegLiveCommand"/>), so the first frame comes within about a
    /// second of the data. RTSP (parameters in its SDP, media held for RTCP anyway), HLS, files and devices keep ffmpeg's defaults.
    /// </summary>
    public bool IsInBandStream => HasScheme("udp") || HasScheme("rtp") || HasScheme("srt") || HasScheme("tcp") || IsRtmp;

    /// <summary>True for <c>rtmp://</c>, <c>rtmps://</c>, <c>rtmpt://</c>, <c>rtmpts://</c>.</summary>
    internal bool IsRtmp => HasScheme("rtmp") || HasScheme("rtmps") || HasScheme("rtmpt") || HasScheme("rtmpts");

    /// <summary>The location without a <c>listen</c> query parameter (RTMP's listen mode is an ffmpeg option, not part of its URL).</summary>
    internal string RtmpListenerUrl
    {
        get
        {
            var question = Location.IndexOf('?', StringComparison.Ordinal);
            if (question < 0)
            {
                return Location;
            }

            var kept = Location[(question + 1)..].Split('&').Where(p => !IsNamed(p, "listen")).ToArray();
            return kept.Length == 0 ? Location[..question] : Location[..question] + "?" + string.Join('&', kept);
        }
    }

    /// <summary>True for a capture spec (v4l2:, pulse:, alsa:, dshow:, and wasapi: for <see cref="LiveSourceFactory"/>).</summary>
    public bool IsCapture =>
        CaptureInput.IsCapture(Location) || Location.StartsWith("wasapi:", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a local file (a path or a <c>file:</c> URL), as opposed to a network URL or a device.</summary>
    public bool IsFile =>
        !IsCapture && (Location.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !Location.Contains("://", StringComparison.Ordinal));

    /// <summary>
    /// True when reaching the end is normal and final (a file not looped): the source then reports
    /// <see cref="SourceStatus.Ended"/>. Anything else that ends (a network stream, a device) just completes, so the
    /// pipeline's reconnect operator opens it again.
    /// </summary>
    public bool IsFinite => IsFile && !Loop;

    private bool HasScheme(string scheme) =>
        Location.Length > scheme.Length + 3
        && Location.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
        && Location.AsSpan(scheme.Length).StartsWith("://", StringComparison.Ordinal);

    /// <summary>The value of query parameter <paramref name="name"/> (empty when it has none), or null.</summary>
    private string? Query(string name)
    {
        var question = Location.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        foreach (var parameter in Location[(question + 1)..].Split('&'))
        {
            if (IsNamed(parameter, name))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                return equals < 0 ? string.Empty : parameter[(equals + 1)..];
            }
        }

        return null;
    }

    private static bool IsNamed(string parameter, string name)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return (equals < 0 ? parameter : parameter[..equals]).Equals(name, StringComparison.OrdinalIgnoreCase);
    }
}
