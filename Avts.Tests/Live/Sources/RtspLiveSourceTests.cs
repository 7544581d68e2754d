using Avts.Tests.Fixtures;
using System.Diagnostics;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

/// <summary>publisher -> rtsp-server-perl (UDP) -> FfmpegLiveSource, including the publisher dying and coming back.</summary>
[Collection(RealTimeStreams.Name)]
public sealed class RtspLiveSourceTests(RtspServerFixture server, LiveMediaFixture media)
    : IClassFixture<RtspServerFixture>, IClassFixture<LiveMediaFixture>
{
    [Fact]
    public async Task Rtsp_ReceivesMedia_CompletesWhenThePublisherDies_ReceivesAgainAfterRestart()
    {
        var file = await media.CreateAsync(4, size: "320x180");
        using var publisher = await server.PublishAsync(file, "cam1");
        var input = new LiveInput(server.PlayUrl("cam1")) { Transport = RtspTransport.Udp, NetworkTimeout = TimeSpan.FromSeconds(1) };
        var source = new FfmpegLiveSource("cam1", input);

        var clock = Stopwatch.StartNew();
        using (var first = new SourceRecorder(source))
        {
            await first.WaitUntilAsync(HasMedia, TimeSpan.FromSeconds(10), "frames and audio");
            var received = clock.Elapsed;

            publisher.Stop();
            clock.Restart();
            var end = await first.WaitFinishedAsync(TimeSpan.FromSeconds(15));
            var ended = clock.Elapsed;

            // A network stream that ends completes (the reconnect operator opens it again); it is not "Ended".
            Assert.Null(end);
            Assert.DoesNotContain(first.Events, e => e is SourceStatusEvent { Status: SourceStatus.Ended });
            var frames = first.Frames;
            Assert.All(frames, f => Assert.Equal((320, 180), (f.Width, f.Height)));
            Assert.True(frames.Zip(frames.Skip(1)).All(p => p.Second.PtsSeconds > p.First.PtsSeconds), "frame pts must increase");
            Console.WriteLine($"RTSP: media after {received.TotalSeconds:0.00} s, completed {ended.TotalSeconds:0.00} s after the publisher died");
        }

        // rtsp-server-perl does not serve a republished stream's video properly: restart it too (same ports).
        server.Restart();
        publisher.Start();
        await server.WaitUntilPlayableAsync("cam1", publisher);
        using var second = new SourceRecorder(source);
        await second.WaitUntilAsync(HasMedia, TimeSpan.FromSeconds(10), "frames and audio after the restart");
    }

    private static bool HasMedia(List<SourceEvent> events) =>
        events.OfType<VideoFrameEvent>().Count() >= 10 && events.OfType<AudioChunkEvent>().Sum(c => c.Samples.Length) >= 8000;
}
