using System.Diagnostics;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// A private PulseAudio daemon with one null sink (platform notes, section 4): its runtime and state directories and
/// its socket live in a temp directory, so it collides with no other daemon; clients reach it through
/// <see cref="Environment"/> (PULSE_SERVER plus the same runtime dirs), which is passed to the capturing ffmpeg.
/// Whatever plays into the sink comes out of <see cref="MonitorSource"/>. CI installs pulseaudio and pulseaudio-utils
/// through scripts/ensure-deps.sh.
/// </summary>
public sealed class PulseNullSink : IDisposable
{
    private readonly string directory;
    private readonly TestProcess daemon;

    /// <summary>Starts the daemon and waits until it answers.</summary>
    public PulseNullSink()
    {
        directory = Path.Combine(Path.GetTempPath(), "avts-pulse-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var socket = Path.Combine(directory, "native");
        Environment = new Dictionary<string, string>
        {
            ["PULSE_SERVER"] = "unix:" + socket,
            ["PULSE_RUNTIME_PATH"] = directory,
            ["XDG_RUNTIME_DIR"] = directory,
            ["PULSE_STATE_PATH"] = Path.Combine(directory, "state"),
        };
        daemon = TestProcess.Start(
            "pulseaudio",
            [
                "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "-n", "--use-pid-file=false",
                // Anonymous auth: clients need no cookie (the daemon runs as root in CI and writes none we could share).
                $"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
                $"--load=module-null-sink sink_name={SinkName}",
                "--load=module-always-sink",
            ],
            Environment);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (!daemon.IsRunning || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Dispose();
                throw new InvalidOperationException($"pulseaudio did not start: {daemon.Tail}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>The null sink's name.</summary>
    public string SinkName { get; } = "avtsnull";

    /// <summary>The source that records what plays into the sink.</summary>
    public string MonitorSource => SinkName + ".monitor";

    /// <summary>Environment that points PulseAudio clients (ffmpeg, pactl) at this daemon.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Plays a sine of <paramref name="frequency"/> Hz into the sink for <paramref name="seconds"/> in real time.</summary>
    public TestProcess PlayTone(int frequency, double seconds) =>
        TestProcess.Start(
            "ffmpeg",
            [
                "-hide_banner", "-v", "error", "-nostdin", "-re", "-f", "lavfi",
                "-i", FormattableString.Invariant($"sine=frequency={frequency}:sample_rate=48000:duration={seconds}"),
                "-f", "pulse", "-device", SinkName, "avts-test-tone",
            ],
            Environment);

    /// <summary>Stops the daemon and deletes its directory.</summary>
    public void Dispose()
    {
        daemon.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The socket may linger a moment; the temp cleaner gets it.
        }
    }
}
