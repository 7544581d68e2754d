using Avts.Live.Sources;

namespace Avts.Web.Engine;

/// <summary>A monitored stream as the host keeps it (and as the <c>streams</c> table stores it).</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Location">What ffmpeg opens.</param>
/// <param name="Loop">Replay a file endlessly.</param>
/// <param name="RealTime">Read at native rate.</param>
/// <param name="InjectDelay">Injected audio delay schedule text, or null.</param>
/// <param name="Transport">RTSP transport.</param>
/// <param name="Paused">Kept in configuration but not in the pipeline.</param>
/// <param name="AddedAt">When it was first added.</param>
public sealed record StreamDefinition(
    string Name,
    string Location,
    bool Loop,
    bool RealTime,
    string? InjectDelay,
    RtspTransport Transport,
    bool Paused,
    DateTimeOffset AddedAt)
{
    /// <summary>The transport as written in configuration and JSON: auto, tcp or udp.</summary>
    public string TransportName => Transport switch
    {
        RtspTransport.Tcp => "tcp",
        RtspTransport.Udp => "udp",
        _ => "auto",
    };

    /// <summary>The source input this definition opens.</summary>
    /// <exception cref="FormatException">The delay schedule does not parse.</exception>
    public LiveInput ToInput() => new(Location)
    {
        Loop = Loop,
        RealTime = RealTime,
        Transport = Transport,
        AudioDelay = string.IsNullOrWhiteSpace(InjectDelay) ? null : DelaySchedule.Parse(InjectDelay),
    };
}
