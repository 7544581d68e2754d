using Avts.Tests.Fixtures;
using System.Diagnostics;
using System.Reactive.Concurrency;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Live.Monitor;
using Avts.Live.Pipeline;
using Avts.Live.Sources;
using Avts.Tests.Live.Sources;
using Xunit.Abstractions;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// The whole live path on a real stream: ffmpeg publisher -> rtsp-server-perl (loopback) -> FfmpegLiveSource ->
/// windows -> onset scoring -> smoothing/alerts, with the sound's delay changing mid-stream, and the publisher killed
/// and restarted.
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class LiveRtspMonitorTests(RtspServerFixture server, ITestOutputHelper output) : IClassFixture<RtspServerFixture>, IDisposable
{
    // The first segment is longer: a player joining an RTP relay holds media back until RTCP aligns audio and video
    // (up to ~6 s), and a window needs 4 s of media.
    private static readonly double[] SegmentSeconds = [16, 10, 10];
    private static readonly double[] SegmentDelaysMs = [60, -160, 60];
    private readonly string directory = Directory.CreateTempSubdirectory("avts-live-rtsp-").FullName;

    [Fact]
    public async Task Monitor_DelayChangingMidStream_ReportsEachDelayWithin40Ms_DetectsTheChangeWithin5s_RaisesAndClearsTheAlert()
    {
        var file = await WriteSegmentedClipAsync();
        var options = new LiveOptions { Tolerance = new ToleranceProfile("test", -100, 100, "test range") };
        var results = new List<(double Seconds, LiveWindowResult Result)>();

        // The publisher's clock: each segment plays from the sum of the earlier ones after it starts, give or take the
        // relay's few ms.
        var change = SegmentSeconds[0];
        var back = SegmentSeconds[0] + SegmentSeconds[1];
        var publisherStart = Stopwatch.StartNew();
        using var publisher = await server.PublishAsync(file, "delays");
        var source = new FfmpegLiveSource("delays", new LiveInput(server.PlayUrl("delays")) { Transport = RtspTransport.Udp });
        var run = new MonitorRun([source], new WindowScorer(new OnsetEstimator(), options), options, Scheduler.Default);
        await run.RunAsync(
            r =>
            {
                lock (results)
                {
                    results.Add((publisherStart.Elapsed.TotalSeconds, r));
                }
            },
            s => output.WriteLine($"{publisherStart.Elapsed.TotalSeconds,6:0.00} s  {LiveLineWriter.ToText(s)}"),
            TimeSpan.FromSeconds(SegmentSeconds.Sum() + 1 - publisherStart.Elapsed.TotalSeconds),
            CancellationToken.None);

        foreach (var (seconds, r) in results)
        {
            output.WriteLine($"{seconds,6:0.00} s  {LiveLineWriter.ToText(r)}");
        }

        // Segment 1: in tolerance, measured within 40 ms, no alert.
        var first = results.Where(r => r.Seconds < change && r.Result.AudioDelayMs is not null).ToList();
        Assert.NotEmpty(first);
        Assert.InRange(first[^1].Result.AudioDelayMs!.Value, SegmentDelaysMs[0] - 40, SegmentDelaysMs[0] + 40);
        Assert.DoesNotContain(first, r => r.Result.Alert);

        // Segment 2: the new delay is reported (within 40 ms) within 5 s of the change, then the alert is raised.
        var detected = results.FirstOrDefault(r => r.Seconds >= change && Near(r.Result.AudioDelayMs, SegmentDelaysMs[1]));
        Assert.True(detected.Result is not null, "the second delay was never reported");
        Assert.True(detected.Seconds - change <= 5, $"the change was reported {detected.Seconds - change:0.00} s after it happened");
        Assert.Contains(results, r => r.Seconds > change && r.Seconds < back + 1 && r.Result.Alert);

        // Segment 3 (back in tolerance): the alert clears.
        var third = results.Where(r => r.Seconds >= back).ToList();
        Assert.Contains(third, r => Near(r.Result.AudioDelayMs, SegmentDelaysMs[2]) && !r.Result.Alert);
        Assert.All(results, r => Assert.Equal(0, r.Result.DroppedWindows));
    }

    [Fact]
    public async Task Monitor_PublisherKilledAndRestarted_ReconnectsEveryTime_AndLeavesNoFfmpegBehind()
    {
        var cycles = int.TryParse(Environment.GetEnvironmentVariable("AVTS_RECONNECT_CYCLES"), out var n) && n > 0 ? n : 3;
        var file = Path.Combine(directory, "steady.mp4");
        await DemoClip.WriteAsync(file, delayMs: 40, durationSeconds: 6, width: 320, height: 180, CancellationToken.None);
        var options = new LiveOptions { StallTimeout = TimeSpan.FromSeconds(2), ReconnectMaxDelay = TimeSpan.FromSeconds(1) };
        var stream = $"cam{Environment.ProcessId}";
        using var publisher = await server.PublishAsync(file, stream);
        var source = new FfmpegLiveSource(stream, new LiveInput(server.PlayUrl(stream)) { Transport = RtspTransport.Udp, NetworkTimeout = TimeSpan.FromSeconds(1) });
        var statuses = new List<StreamStatusChange>();
        var windows = 0;
        var reconnects = new List<double>();
        using (var pipeline = new LivePipeline([source], new WindowScorer(new OnsetEstimator(), options), options, Scheduler.Default))
        {
            using var statusSubscription = pipeline.StatusChanges.Subscribe(s =>
            {
                lock (statuses)
                {
                    statuses.Add(s);
                }

                output.WriteLine(LiveLineWriter.ToText(s));
            });
            using var resultSubscription = pipeline.Results.Subscribe(_ => Interlocked.Increment(ref windows));
            pipeline.Start();
            await WaitForAsync(() => Count(StreamState.Live) >= 1 && Volatile.Read(ref windows) >= 1, TimeSpan.FromSeconds(20), "first window");

            for (var cycle = 1; cycle <= cycles; cycle++)
            {
                publisher.Stop();
                await WaitForAsync(() => Count(StreamState.Reconnecting) >= cycle, TimeSpan.FromSeconds(10), $"reconnecting #{cycle}");
                var down = Stopwatch.StartNew();

                // rtsp-server-perl stops relaying video to a republished stream, so the relay restarts with the
                // publisher (see RtspServerFixture.Restart): to the monitor it is the same URL going down and up.
                server.Restart();
                publisher.Start();
                var windowsBefore = Volatile.Read(ref windows);
                await WaitForAsync(() => Count(StreamState.Live) >= cycle + 1 && Volatile.Read(ref windows) > windowsBefore, TimeSpan.FromSeconds(30), $"live again #{cycle}");
                reconnects.Add(down.Elapsed.TotalSeconds);
            }
        }

        output.WriteLine($"{cycles} restarts; back to a new window after {string.Join(", ", reconnects.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s");
        Assert.Equal(cycles, reconnects.Count);
        Assert.DoesNotContain(statuses, s => s.State == StreamState.Failed);
        await WaitForAsync(() => FfmpegProcessesReading(server.PlayUrl(stream)) == 0, TimeSpan.FromSeconds(5), "no ffmpeg left reading the stream");

        int Count(StreamState state)
        {
            lock (statuses)
            {
                return statuses.Count(s => s.State == state);
            }
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static bool Near(double? value, double expected) => value is { } v && Math.Abs(v - expected) <= 40;

    private async Task<string> WriteSegmentedClipAsync()
    {
        var list = Path.Combine(directory, "segments.txt");
        var lines = new List<string>();
        for (var i = 0; i < SegmentDelaysMs.Length; i++)
        {
            var segment = Path.Combine(directory, $"segment{i}.mp4");
            await DemoClip.WriteAsync(segment, SegmentDelaysMs[i], SegmentSeconds[i], 320, 180, CancellationToken.None);
            lines.Add($"file '{segment}'");
        }

        await File.WriteAllLinesAsync(list, lines);
        var file = Path.Combine(directory, "delays.mp4");
        using var concat = Process.Start(new ProcessStartInfo("ffmpeg")
        {
            ArgumentList = { "-hide_banner", "-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", file },
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = await concat.StandardError.ReadToEndAsync();
        await concat.WaitForExitAsync();
        Assert.True(concat.ExitCode == 0, error);
        return file;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }

    private static int FfmpegProcessesReading(string playUrl)
    {
        var count = 0;
        foreach (var process in Process.GetProcessesByName("ffmpeg"))
        {
            using (process)
            {
                try
                {
                    if (File.ReadAllText($"/proc/{process.Id}/cmdline").Contains(playUrl, StringComparison.Ordinal))
                    {
                        count++;
                    }
                }
                catch (IOException)
                {
                    // exited while we looked
                }
            }
        }

        return count;
    }
}
