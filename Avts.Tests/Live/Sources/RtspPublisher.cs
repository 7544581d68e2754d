namespace Avts.Tests.Live.Sources;

/// <summary>
/// Pushes a file to an RTSP server in real time and endlessly (<c>ffmpeg -re -stream_loop -1 -c copy -f rtsp</c>, UDP
/// as rtsp-server-perl requires); <see cref="Stop"/> kills it (the stream goes dead), <see cref="Start"/> pushes again.
/// </summary>
public sealed class RtspPublisher : IDisposable
{
    private readonly string file;
    private readonly string url;
    private TestProcess? process;

    /// <summary>Starts publishing <paramref name="file"/> to <paramref name="url"/>.</summary>
    public RtspPublisher(string file, string url)
    {
        this.file = file;
        this.url = url;
        Start();
    }

    /// <summary>The publisher's last output lines.</summary>
    public string Tail => process?.Tail ?? string.Empty;

    /// <summary>(Re)starts publishing.</summary>
    public void Start()
    {
        Stop();
        process = TestProcess.Start(
            "ffmpeg",
            ["-hide_banner", "-v", "error", "-nostdin", "-re", "-stream_loop", "-1", "-i", file, "-c", "copy", "-f", "rtsp", url]);
    }

    /// <summary>Kills the publisher.</summary>
    public void Stop()
    {
        process?.Dispose();
        process = null;
    }

    /// <summary>Kills the publisher.</summary>
    public void Dispose() => Stop();
}
