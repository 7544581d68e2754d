using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// A private rtsp-server-perl on free loopback ports: publishers push to <see cref="PublishUrl"/>, players read
/// <see cref="PlayUrl"/>. It relays RTP over UDP only (a TCP publisher or player gets "400 Bad Request"). CI installs
/// it through scripts/ensure-deps.sh; when it is missing the fixture fails with that hint.
/// </summary>
public sealed class RtspServerFixture : IDisposable
{
    private TestProcess server;

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public RtspServerFixture()
    {
        ClientPort = FreePort();
        SourcePort = FreePort();
        server = StartServer();
    }

    /// <summary>Port players connect to.</summary>
    public int ClientPort { get; }

    /// <summary>Port publishers connect to.</summary>
    public int SourcePort { get; }

    /// <summary>Where a player reads stream <paramref name="name"/>.</summary>
    public string PlayUrl(string name) => $"rtsp://127.0.0.1:{ClientPort}/{name}";

    /// <summary>Where a publisher pushes stream <paramref name="name"/>.</summary>
    public string PublishUrl(string name) => $"rtsp://127.0.0.1:{SourcePort}/{name}";

    /// <summary>Starts publishing <paramref name="file"/> as <paramref name="name"/> (real time, looped) and waits until it plays.</summary>
    public async Task<RtspPublisher> PublishAsync(string file, string name)
    {
        var publisher = new RtspPublisher(file, PublishUrl(name));
        await WaitUntilPlayableAsync(name, publisher);
        return publisher;
    }

    /// <summary>Waits (up to 10 s) until ffprobe can read stream <paramref name="name"/>.</summary>
    public async Task WaitUntilPlayableAsync(string name, RtspPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var startInfo = new ProcessStartInfo("ffprobe")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-v", "error", "-timeout", "2000000", "-show_entries", "stream=codec_type", "-of", "csv=p=0", PlayUrl(name) })
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var probe = Process.Start(startInfo)!;
            var stderr = probe.StandardError.ReadToEndAsync();
            var stdout = await probe.StandardOutput.ReadToEndAsync();
            await stderr;
            await probe.WaitForExitAsync();
            if (probe.ExitCode == 0 && stdout.Contains("video", StringComparison.Ordinal) && stdout.Contains("audio", StringComparison.Ordinal))
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"{PlayUrl(name)} never became playable: {stderr.Result.Trim()} / publisher: {publisher.Tail}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Restarts the server on the same ports. Needed after a publisher died: rtsp-server-perl (0.x in Debian 12) keeps
    /// relaying a republished stream's audio but its video no longer decodes (timestamps stall), even under a new name.
    /// </summary>
    public void Restart()
    {
        server.Dispose();
        server = StartServer();
    }

    /// <summary>Stops the server.</summary>
    public void Dispose() => server.Dispose();

    private TestProcess StartServer()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var started = TestProcess.Start(
            "rtsp-server-perl",
            [
                "-c", ClientPort.ToString(inv), "-s", SourcePort.ToString(inv),
                "--client_listen_address", "127.0.0.1", "--source_listen_address", "127.0.0.1", "-l", "2",
            ]);
        var clock = Stopwatch.StartNew();
        while (!Accepts(ClientPort) || !Accepts(SourcePort))
        {
            if (!started.IsRunning || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                started.Dispose();
                throw new InvalidOperationException($"rtsp-server-perl did not start: {started.Tail}");
            }

            Thread.Sleep(50);
        }

        return started;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
