using Avts.Live.Pipeline;
using Avts.Live.Sources;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class WindowAssemblerTests
{
    private static readonly LiveOptions Options = new() { WindowSeconds = 4, HopSeconds = 1, MaxSkewSeconds = 3 };

    [Fact]
    public void Add_SteadyStream_CutsWindowsEveryHopFromTheFirstPts()
    {
        var assembler = new WindowAssembler("cam", Options);

        var windows = assembler.FeedAll(Interleaved(10, 20));

        // The newest frame is 19.96 s: windows ending by 19.96 - ReorderSeconds closed, starts 10..15.
        Assert.Equal([10.0, 11, 12, 13, 14, 15], windows.Select(w => w.StartSeconds));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), windows.Select(w => w.Sequence));
        foreach (var w in windows)
        {
            Assert.Equal("cam", w.Stream);
            Assert.Equal(w.StartSeconds + 4, w.EndSeconds, 9);
            var video = Assert.IsType<Avts.Engine.Media.VideoTrack>(w.Media.Video);
            Assert.Equal(100, video.FrameCount);
            Assert.Equal(w.StartSeconds, video.TimestampsSeconds[0], 9);
            Assert.All(video.TimestampsSeconds, t => Assert.InRange(t, w.StartSeconds, w.EndSeconds - 1e-6));
            var audio = Assert.IsType<Avts.Engine.Media.AudioTrack>(w.Media.Audio);
            Assert.Equal(w.StartSeconds, audio.StartSeconds, 9);
            Assert.Equal(4000, audio.Samples.Length);
            Assert.Equal(w.StartSeconds, w.Media.Info.StartSeconds);
        }
    }

    [Fact]
    public void Add_WindowCloses_WhenTheSecondMediumReachesItsEnd_AndCompletedAtIsThatArrival()
    {
        var assembler = new WindowAssembler("cam", Options with { MaxSkewSeconds = 10 });

        // All video of 0..8 s arrives first; the audio follows much later (arrival +30 s).
        var early = assembler.FeedAll(Frames(0, 8));
        var late = Chunks(0, 8).Select(c => c with { ArrivedAt = c.ArrivedAt.AddSeconds(30) }).ToList();
        var windows = assembler.FeedAll(late);

        Assert.Empty(early);
        Assert.Equal([0.0, 1, 2, 3], windows.Select(w => w.StartSeconds));
        Assert.All(windows, w => Assert.Equal(100, w.Media.Video!.FrameCount));
        Assert.All(windows, w => Assert.Equal(4000, w.Media.Audio!.Samples.Length));

        // Window [0, 4) closed by the chunk reaching 4 s + ReorderSeconds (PTS 4.0), which arrived at 4.0 + 30 s.
        Assert.Equal(34.0, (windows[0].CompletedAt - T0).TotalSeconds, 6);
    }

    [Fact]
    public void Add_JitteredOutOfOrderAndDuplicateFrames_GiveTheSameWindowsAsInOrder()
    {
        var inOrder = new WindowAssembler("cam", Options).FeedAll(Interleaved(0, 10));

        var random = new Random(7);
        var shuffled = Interleaved(0, 10);

        // Swap neighbours within a 3-event jitter and send every tenth event twice.
        for (var i = 0; i + 3 < shuffled.Count; i += 3)
        {
            var j = i + random.Next(1, 3);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var withDuplicates = shuffled.SelectMany((e, i) => i % 10 == 0 ? new[] { e, e } : [e]).ToList();
        var assembler = new WindowAssembler("cam", Options);
        var jittered = assembler.FeedAll(withDuplicates);

        Assert.Equal(inOrder.Select(w => w.StartSeconds), jittered.Select(w => w.StartSeconds));
        for (var k = 0; k < inOrder.Count; k++)
        {
            Assert.Equal(inOrder[k].Media.Video!.TimestampsSeconds, jittered[k].Media.Video!.TimestampsSeconds);
            Assert.Equal(inOrder[k].Media.Audio!.Samples, jittered[k].Media.Audio!.Samples);
            Assert.Equal(inOrder[k].Media.Audio!.StartSeconds, jittered[k].Media.Audio!.StartSeconds);
        }

        Assert.True(assembler.IgnoredEvents > 0);
    }

    [Fact]
    public void Add_AudioGap_IsFilledWithZerosAtItsPresentationTime()
    {
        var assembler = new WindowAssembler("cam", Options);

        // Chunk [1.5, 1.6) never arrives.
        var events = Interleaved(0, 6).Where(e => !(e is AudioChunkEvent c && Math.Abs(c.PtsSeconds - 1.5) < 1e-9));
        var first = assembler.FeedAll(events)[0];

        var samples = first.Media.Audio!.Samples;
        Assert.Equal(4000, samples.Length);
        Assert.Equal(0.0, first.Media.Audio.StartSeconds, 9);
        Assert.All(samples[..1500], s => Assert.Equal(0.1f, s));
        Assert.All(samples[1500..1600], s => Assert.Equal(0f, s));
        Assert.All(samples[1600..], s => Assert.Equal(0.1f, s));
    }

    [Fact]
    public void Add_AudioStartingMidWindow_StartsTheTrackAtItsFirstSample()
    {
        var assembler = new WindowAssembler("cam", Options);
        var events = Frames(0, 6).Cast<SourceEvent>().Concat(Chunks(0.55, 6)).OrderBy(Pts).ToList();

        var first = assembler.FeedAll(events)[0];

        Assert.Equal(0.55, first.Media.Audio!.StartSeconds, 9);
        Assert.Equal(3450, first.Media.Audio.Samples.Length);
    }

    [Fact]
    public void Add_NoAudioAndVideoAheadByMoreThanMaxSkew_ClosesTheWindowWithoutAudio()
    {
        var assembler = new WindowAssembler("cam", Options);
        var frames = Frames(0, 9).ToList();

        var closedAt = new List<(double Pts, LiveWindow Window)>();
        foreach (var frame in frames)
        {
            closedAt.AddRange(assembler.Add(frame).Select(w => (frame.PtsSeconds, w)));
        }

        // Window [0, 4) may wait until video is more than 3 s past its end: the first frame after 7 s closes it.
        Assert.Equal(7.04, closedAt[0].Pts, 9);
        Assert.Equal(0, closedAt[0].Window.StartSeconds);
        Assert.Null(closedAt[0].Window.Media.Audio);
        Assert.Equal(100, closedAt[0].Window.Media.Video!.FrameCount);
        var score = new WindowScorer(new ScriptedEstimator(_ => null), Options).ScoreOne(closedAt[0].Window, CancellationToken.None);
        Assert.Equal(StreamState.NoAudio, score.State);
    }

    [Fact]
    public void Add_AudioLaggingWithinSkew_WaitsForIt()
    {
        var assembler = new WindowAssembler("cam", Options);

        var videoOnly = assembler.FeedAll(Frames(0, 7));
        var withAudio = assembler.FeedAll(Chunks(0, 4.2));

        Assert.Empty(videoOnly);
        Assert.Equal(4000, Assert.Single(withAudio).Media.Audio!.Samples.Length);
    }

    [Fact]
    public void Add_PtsJumpingBack_ResetsTheTimelineAndKeepsCountingSequences()
    {
        var assembler = new WindowAssembler("cam", Options);
        var before = assembler.FeedAll(Interleaved(100, 106));

        // The source reconnected and its clock restarted near zero.
        var after = assembler.FeedAll(Interleaved(0.3, 6.3));

        Assert.Equal(1, assembler.Resets);
        Assert.Equal([100.0, 101], before.Select(w => w.StartSeconds));
        Assert.Equal(0.3, after[0].StartSeconds, 9);
        Assert.Equal([2L, 3], after.Select(w => w.Sequence));
        Assert.All(after, w => Assert.All(w.Media.Video!.TimestampsSeconds, t => Assert.True(t < 10)));
    }

    [Fact]
    public void Add_PtsJumpingFarForward_ResetsTheTimeline()
    {
        var assembler = new WindowAssembler("cam", Options);
        assembler.FeedAll(Interleaved(0, 5));

        var after = assembler.FeedAll(Interleaved(500, 505));

        Assert.Equal(1, assembler.Resets);
        Assert.Equal(500, after[0].StartSeconds, 9);
    }

    [Fact]
    public void Reset_DropsTheHalfFilledWindow()
    {
        var assembler = new WindowAssembler("cam", Options);
        assembler.FeedAll(Interleaved(0, 3));

        assembler.Reset();

        Assert.Equal(0, assembler.BufferedFrames);
        Assert.Equal(0, assembler.BufferedChunks);
        Assert.Null(assembler.NextWindowStart);
        Assert.Equal(2.0, assembler.FeedAll(Interleaved(2, 7))[0].StartSeconds, 9);
    }

    [Fact]
    public void Add_LongStream_KeepsMemoryBoundedToAboutOneWindow()
    {
        var assembler = new WindowAssembler("cam", Options);
        var maxFrames = 0;
        var maxChunks = 0;
        foreach (var e in Interleaved(0, 120))
        {
            assembler.Add(e);
            maxFrames = Math.Max(maxFrames, assembler.BufferedFrames);
            maxChunks = Math.Max(maxChunks, assembler.BufferedChunks);
        }

        // One window (4 s) plus the reorder margin: 25 fps and 10 chunks a second.
        Assert.InRange(maxFrames, 100, 104);
        Assert.InRange(maxChunks, 40, 43);
    }

    [Fact]
    public void Add_FrameOlderThanEveryOpenWindow_IsIgnored()
    {
        var assembler = new WindowAssembler("cam", Options);
        assembler.FeedAll(Interleaved(0, 8));

        // 3.5 s is before the next window (4 s) but not far enough back to look like a timeline reset.
        var windows = assembler.Add(Frame(3.5));

        Assert.Empty(windows);
        Assert.Equal(1, assembler.IgnoredEvents);
    }
}
