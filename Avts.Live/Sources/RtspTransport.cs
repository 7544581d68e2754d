namespace Avts.Live.Sources;

/// <summary>How an RTSP input carries its media (ffmpeg's <c>-rtsp_transport</c>).</summary>
public enum RtspTransport
{
    /// <summary>ffmpeg's default: UDP first, TCP when no UDP packet arrives.</summary>
    Auto,

    /// <summary>RTP interleaved in the RTSP TCP connection (firewall-friendly, no loss).</summary>
    Tcp,

    /// <summary>RTP over UDP (the only transport some servers, e.g. rtsp-server-perl, accept).</summary>
    Udp,
}
