using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using Avts.Live.Pipeline;
using Avts.Live.Sources;
using Avts.Tests.Fixtures;
using Xunit.Abstractions;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// A real sender on 127.0.0.1 goes silent and comes back, under the reconnect operator: MPEG-TS over UDP, SRT (avts
/// listens, the sender calls) and RTMP (avts listens, the sender publishes). Each outage must end with media again
/// within 5 s of the sender's restart, with one new opening per outage (the listening one is kept, not cycled), the
/// picture and sound still on one timeline, and no ffmpeg left. ./test.sh runs 2 outages of 6 s with 2 s stall and 3 s
/// connect timeouts (the outage outlasts both, which is what used to cycle the waiting opening);
/// scripts/bench-reconnect.sh listener runs 5 outages of 15 s with the product's timeouts (AVTS_OUTAGE_CYCLES,
/// AVTS_OUTAGE_SECONDS; 12 s or more selects the product's timeouts).
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class ListenerReconnectTests(LiveMediaFixture media, ITestOutputHelper output) : IClassFixture<LiveMediaFixture>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("udp")]
    [InlineData("srt")]
    [InlineData("rtmp")]
    public async Task Listener_SenderSilentThenBack_MediaWithin5sEveryTime_OneOpeningPerOutage_NoFfmpegLeft(string protocol)
    {
        var cycles = Setting("AVTS_OUTAGE_CYCLES", 2);
        var outage = TimeSpan.FromSeconds(Setting("AVTS_OUTAGE_SECONDS", 6));
        var options = outage >= TimeSpan.FromSeconds(12)
            ? new LiveOptions()
            : new LiveOptions { StallTimeout = TimeSpan.FromSeconds(2), ConnectTimeout = TimeSpan.FromSeconds(3) };
        var file = await media.CreateAsync(4, size: "320x180");
        var (publisher, location) = StreamPublisher.Create(file, protocol);
        using var sender = publisher;
        var source = new CountingSource(new FfmpegLiveSource(protocol, new LiveInput(location)));
        var events = new List<(TimeSpan At, SourceEvent Event)>();
        var clock = Stopwatch.StartNew();
        var recoveries = new List<double>();
        var offsets = new List<double>();
        using (source.Reconnecting(options, Scheduler.Default).Subscribe(e =>
        {
            lock (events)
            {
                events.Add((clock.Elapsed, e));
            }
        }))
        {
            // A caller or publisher that finds no listener gives up: start it once the listener had time to bind.
            await WaitForAsync(() => Since(events, TimeSpan.Zero).OfType<SourceStatusEvent>().Any(s => s.Status == SourceStatus.Listening), "Listening");
            await Task.Delay(1000);
            sender.Start();
            var start = TimeSpan.Zero;
            for (var cycle = 0; cycle <= cycles; cycle++)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{start.TotalSeconds,7:0.00} s  sender (re)started"));
                await WaitForAsync(() => Since(events, start).OfType<VideoFrameEvent>().Count() >= 75, $"3 s of media after start #{cycle}", sender);
                var connection = Since(events, start);
                offsets.AddRange(FlashToBeepSeconds(connection));
                if (cycle == cycles)
                {
                    break;
                }

                sender.Stop();
                await Task.Delay(outage);
                start = clock.Elapsed;
                sender.Start();
                await WaitForAsync(() => HasBothMedia(Since(events, start)), $"media after outage #{cycle + 1}", sender);
                var recovered = Math.Max(FirstAt<VideoFrameEvent>(events, start), FirstAt<AudioChunkEvent>(events, start)) - start.TotalSeconds;
                recoveries.Add(recovered);
            }
        }

        sender.Stop();
        var inv = CultureInfo.InvariantCulture;
        lock (events)
        {
            foreach (var (at, status) in events.Where(e => e.Event is SourceStatusEvent).Select(e => (e.At, (SourceStatusEvent)e.Event)))
            {
                output.WriteLine(string.Create(inv, $"{at.TotalSeconds,7:0.00} s  {status.Status} {status.Detail}"));
            }
        }


        output.WriteLine(string.Create(
            inv,
            $"{protocol}: {cycles} outages of {outage.TotalSeconds:0} s; media again {string.Join(", ", recoveries.Select(r => r.ToString("0.00", inv)))} s after the sender restarted; {source.Openings} openings; flash-to-beep {string.Join(", ", offsets.Select(o => (o * 1000).ToString("0", inv)))} ms"));
        Assert.All(recoveries, r => Assert.True(r <= RecoveryLimit.TotalSeconds, $"recovery took {r:0.00} s"));
        Assert.Equal(cycles + 1, source.Openings);
        Assert.DoesNotContain(events, e => e.Event is SourceStatusEvent { Status: SourceStatus.Failed });

        // Timestamps stay true with the short analysis: each flash's beep (same instant in the file) is at the flash's pts.
        Assert.NotEmpty(offsets);
        Assert.All(offsets, o => Assert.InRange(o, -0.045, 0.045));
        var port = new Uri(location).Port.ToString(inv);
        await WaitForAsync(() => FfmpegLiveSourceFileTests.CountProcesses("127\\.0\\.0\\.1:" + port) == 0, "no ffmpeg left on the port");
    }

    [Fact]
    public async Task UdpListener_AudioOnlyStream_LearnsItsMediaFromTheFirstOpeningAndMapsAudioOnlyNext()
    {
        var file = await media.CreateAsync(4, video: false);
        var (publisher, location) = StreamPublisher.Create(file, "udp");
        using var sender = publisher;
        var source = new CountingSource(new FfmpegLiveSource("radio", new LiveInput(location)));
        var events = new List<(TimeSpan At, SourceEvent Event)>();
        var clock = Stopwatch.StartNew();
        sender.Start();
        using (source.Reconnecting(new LiveOptions(), Scheduler.Default).Subscribe(e =>
        {
            lock (events)
            {
                events.Add((clock.Elapsed, e));
            }
        }))
        {
            await WaitForAsync(() => Since(events, TimeSpan.Zero).OfType<AudioChunkEvent>().Sum(c => c.Samples.Length) >= 16000, "1 s of audio", sender);
        }

        // A listener is not probed apart: the first opening mapped picture and sound and ffmpeg said there is no picture.
        var statuses = Since(events, TimeSpan.Zero).OfType<SourceStatusEvent>().ToList();
        Assert.EndsWith("the stream has no video; opening it again for audio only.", Assert.Single(statuses, s => s.Status == SourceStatus.Reconnecting).Detail, StringComparison.Ordinal);
        Assert.Equal(2, source.Openings);
        Assert.Empty(Since(events, TimeSpan.Zero).OfType<VideoFrameEvent>());
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static List<SourceEvent> Since(List<(TimeSpan At, SourceEvent Event)> events, TimeSpan from)
    {
        lock (events)
        {
            return [.. events.Where(e => e.At >= from).Select(e => e.Event)];
        }
    }

    private static double FirstAt<T>(List<(TimeSpan At, SourceEvent Event)> events, TimeSpan from)
    {
        lock (events)
        {
            return events.First(e => e.At >= from && e.Event is T).At.TotalSeconds;
        }
    }

    private static bool HasBothMedia(List<SourceEvent> events) =>
        events.OfType<VideoFrameEvent>().Any() && events.OfType<AudioChunkEvent>().Any();

    /// <summary>For each flash (bright frame) after the connection's first second: its beep's onset minus its pts.</summary>
    private static IEnumerable<double> FlashToBeepSeconds(List<SourceEvent> connection)
    {
        // Only this connection's media: events after its last Connected status (one timeline).
        var connected = connection.FindLastIndex(e => e is SourceStatusEvent { Status: SourceStatus.Connected });
        var media = connection.Skip(connected + 1).ToList();
        var chunks = media.OfType<AudioChunkEvent>().ToList();
        var frames = media.OfType<VideoFrameEvent>().ToList();
        if (chunks.Count == 0 || frames.Count == 0)
        {
            yield break;
        }

        var from = Math.Max(frames[0].PtsSeconds, chunks[0].PtsSeconds) + 0.2;
        var until = Math.Min(frames[^1].PtsSeconds, chunks[^1].EndSeconds) - 0.2;
        foreach (var flash in frames.Where(f => f.PtsSeconds >= from && f.PtsSeconds <= until && f.Pixels.Average(p => (double)p) > 128))
        {
            var onset = chunks
                .SelectMany(c => c.Samples.Select((s, i) => (Pts: c.PtsSeconds + ((double)i / c.SampleRate), Loud: Math.Abs(s) > 0.1)))
                .FirstOrDefault(s => s.Loud && s.Pts >= flash.PtsSeconds - 0.1);
            if (onset.Loud)
            {
                yield return onset.Pts - flash.PtsSeconds;
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, StreamPublisher? sender = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"timed out after 20 s waiting for {what} (sender: {sender?.Tail})");
            await Task.Delay(20);
        }
    }

    /// <summary>Counts the openings of the source it wraps.</summary>
    private sealed class CountingSource(ILiveSource inner) : ILiveSource
    {
        private int openings;

        public string Name => inner.Name;

        public int Openings => Volatile.Read(ref openings);

        public IObservable<SourceEvent> Open(IScheduler clock)
        {
            Interlocked.Increment(ref openings);
            return inner.Open(clock);
        }
    }
}
