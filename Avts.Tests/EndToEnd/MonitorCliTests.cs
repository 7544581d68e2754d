using System.Text.Json;
using Avts.Live.Monitor;

namespace Avts.Tests.EndToEnd;

/// <summary><c>avts monitor</c> and <c>avts devices</c> through the real CLI (real ffmpeg, real onset scoring).</summary>
public sealed class MonitorCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("avts-monitor-cli-").FullName;

    [Fact]
    public async Task Monitor_FileWithInjectedDelayChange_PrintsJsonLinesWithBothDelays_AndExitsWhenTheFileEnds()
    {
        var file = Path.Combine(directory, "clip.mp4");
        await DemoClip.WriteAsync(file, delayMs: 0, durationSeconds: 12, width: 320, height: 180, CancellationToken.None);

        var cli = await RealCli.RunAsync("monitor", file, "--name", "demo", "--format", "jsonl", "--no-realtime", "--inject-delay", "0@0,150@6");

        Assert.True(cli.ExitCode == 0, cli.Err);
        var lines = cli.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var windows = lines.Where(l => l.GetProperty("schema").GetString() == "avts.live.window/1").ToList();
        var statuses = lines.Where(l => l.GetProperty("schema").GetString() == "avts.live.status/1").Select(l => l.GetProperty("state").GetString()).ToList();
        Assert.Equal(["connecting", "live", "ended"], statuses);
        Assert.All(windows, w => Assert.Equal("demo", w.GetProperty("stream").GetString()));
        foreach (var name in new[] { "t_start", "t_end", "audio_delay_ms", "confidence", "state", "drift_ms_per_min", "alert" })
        {
            Assert.True(windows[0].TryGetProperty(name, out _), $"missing {name}");
        }

        double? Delay(JsonElement w) => w.GetProperty("audio_delay_ms") is { ValueKind: JsonValueKind.Number } d ? d.GetDouble() : null;
        Assert.Contains(windows, w => w.GetProperty("t_end").GetDouble() <= 6 && Delay(w) is { } d && Math.Abs(d) <= 5);
        Assert.Contains(windows, w => w.GetProperty("t_start").GetDouble() >= 6 && Delay(w) is { } d && Math.Abs(d - 150) <= 5);
    }

    [Fact]
    public async Task Monitor_CtrlC_StopsCleanly_WithExit0_AndNoFfmpegLeft()
    {
        var file = Path.Combine(directory, "looped.mp4");
        await DemoClip.WriteAsync(file, delayMs: 100, durationSeconds: 4, width: 320, height: 180, CancellationToken.None);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromSeconds(8));

        var cli = await RealCli.RunAsync(ctrlC.Token, "monitor", file, "--loop", "--format", "jsonl");

        Assert.True(cli.ExitCode == 0, cli.Err);
        Assert.Contains("\"schema\":\"avts.live.window/1\"", cli.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Diagnostics.Process.GetProcessesByName("ffmpeg"), p => CommandLine(p).Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitor_UnreachableStream_FailsWithOneLine_AndExitCode1()
    {
        var cli = await RealCli.RunAsync("monitor", "rtsp://127.0.0.1:9/none", "--give-up-after", "2", "--for", "30");

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("failed", cli.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_MissingFile_FailsAtOnceWithOneLine()
    {
        var cli = await RealCli.RunAsync("monitor", Path.Combine(directory, "missing.mp4"));

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("no such file", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_BadInjectDelay_IsAUsageError()
    {
        var cli = await RealCli.RunAsync("monitor", "x.mp4", "--inject-delay", "soon");

        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("--inject-delay", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_ListsWithoutFailing()
    {
        var cli = await RealCli.RunAsync("devices", "--format", "json");

        Assert.True(cli.ExitCode == 0, cli.Err);
        Assert.True(JsonDocument.Parse(cli.Out).RootElement.TryGetProperty("devices", out _));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string CommandLine(System.Diagnostics.Process process)
    {
        using (process)
        {
            try
            {
                return File.ReadAllText($"/proc/{process.Id}/cmdline");
            }
            catch (IOException)
            {
                return string.Empty; // exited while we looked
            }
        }
    }
}
