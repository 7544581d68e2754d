using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Avts.Engine.Media;
using Avts.Live.Sources;
using Avts.Tests.Live.Pipeline;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Sources;

public sealed class SharedClockSourceTests
{
    [Fact]
    public void TwoPartsOnOneClock_MovedTogetherSoTheFirstMediaIsAtZero()
    {
        var clock = new HistoricalScheduler(T0);

        // A camera (from 5000.04 s) and a microphone (from 5000.00 s) on one clock, as QPC seconds.
        var camera = new FakeLiveSource("cam", (_, c) => Observable.Timer(TimeSpan.FromSeconds(0.1), c).Select(_ => (SourceEvent)Frame(5000.04)).Concat(Observable.Never<SourceEvent>()));
        var microphone = new FakeLiveSource("mic", (_, c) => Observable.Timer(TimeSpan.FromSeconds(0.05), c).Select(_ => (SourceEvent)Chunk(5000.00, 100)).Concat(Observable.Never<SourceEvent>()));
        var events = new List<SourceEvent>();

        using var subscription = new SharedClockSource("studio", [camera, microphone]).Open(clock).Subscribe(events.Add);
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal([0.0, 0.04], events.Select(Pts).Select(p => Math.Round(p, 9)));
    }

    [Fact]
    public void OnePartFails_TheWholeFailsAndTheOtherIsStopped()
    {
        var clock = new HistoricalScheduler(T0);
        var camera = new FakeLiveSource("cam", (_, c) => FakeLiveSource.Media(c, 100));
        var microphone = new FakeLiveSource("mic", (_, c) => Observable.Throw<SourceEvent>(new MediaInputException("wasapi:x: device unplugged"), c));
        Exception? error = null;

        using var subscription = new SharedClockSource("studio", [camera, microphone]).Open(clock).Subscribe(_ => { }, e => error = e);
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal("wasapi:x: device unplugged", error?.Message);
        Assert.Equal(1, camera.Disposals);
    }

    [Fact]
    public void Wasapi_OffWindows_SaysSoInOneLine()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var error = Assert.Throws<MediaInputException>(() => LiveSourceFactory.Create("mic", new LiveInput("dshow:video=Cam+wasapi:default")));
        Assert.Contains("needs Windows", error.Message, StringComparison.Ordinal);
        Assert.Contains("dshow:video=", Assert.Throws<MediaInputException>(() => LiveSourceFactory.Create("mic", new LiveInput("v4l2:/dev/video0+wasapi:x"))).Message, StringComparison.Ordinal);
        Assert.IsType<FfmpegLiveSource>(LiveSourceFactory.Create("cam", new LiveInput("v4l2:/dev/video0+pulse:default")));
        Assert.True(new LiveInput("wasapi:default").IsCapture);
        Assert.False(new LiveInput("wasapi:default").IsFile);
    }
}
