using System.Net;
using System.Net.Sockets;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// Pushes a file in real time and endlessly (<c>ffmpeg -re -stream_loop -1 -c copy</c>) to a listening input on
/// 127.0.0.1: MPEG-TS over UDP or SRT (caller), or FLV over RTMP. <see cref="Stop"/> kills it (the sender goes
/// silent), <see cref="Start"/> pushes again from the start of the file (a new timeline, as a restarted encoder).
/// </summary>
public sealed class StreamPublisher : IDisposable
{
    private readonly string file;
    private readonly string url;
    private readonly string format;
    private TestProcess? process;

    private StreamPublisher(string file, string url, string format)
    {
        this.file = file;
        this.url = url;
        this.format = format;
    }

    /// <summary>The publisher's last output lines.</summary>
    public string Tail => process?.Tail ?? string.Empty;

    /// <summary>
    /// A publisher for <paramref name="protocol"/> (udp, srt or rtmp) on a free loopback port, not started; the
    /// monitored location (the listening side) is returned with it.
    /// </summary>
    public static (StreamPublisher Publisher, string ListenLocation) Create(string file, string protocol)
    {
        switch (protocol)
        {
            case "udp":
                {
                    var port = FreePort(SocketType.Dgram, ProtocolType.Udp);
                    return (new StreamPublisher(file, $"udp://127.0.0.1:{port}?pkt_size=1316", "mpegts"), $"udp://127.0.0.1:{port}");
                }

            case "srt":
                {
                    var port = FreePort(SocketType.Dgram, ProtocolType.Udp);
                    return (new StreamPublisher(file, $"srt://127.0.0.1:{port}?mode=caller", "mpegts"), $"srt://127.0.0.1:{port}?mode=listener");
                }

            case "rtmp":
                {
                    var port = FreePort(SocketType.Stream, ProtocolType.Tcp);
                    return (new StreamPublisher(file, $"rtmp://127.0.0.1:{port}/live/cam", "flv"), $"rtmp://127.0.0.1:{port}/live/cam?listen=1");
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "udp, srt or rtmp");
        }
    }

    /// <summary>True while the publisher runs.</summary>
    public bool IsRunning => process?.IsRunning ?? false;

    /// <summary>(Re)starts publishing.</summary>
    public void Start()
    {
        Stop();
        process = TestProcess.Start(
            "ffmpeg",
            ["-hide_banner", "-v", "error", "-nostdin", "-re", "-stream_loop", "-1", "-i", file, "-c", "copy", "-f", format, url]);
    }

    /// <summary>Kills the publisher.</summary>
    public void Stop()
    {
        process?.Dispose();
        process = null;
    }

    /// <summary>Kills the publisher.</summary>
    public void Dispose() => Stop();

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
