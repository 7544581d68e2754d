using Avts.Engine.Media;
using Avts.Live.Pipeline;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Pipeline;

/// <summary>Deterministic frames, audio chunks and windows for the live pipeline tests.</summary>
internal static class LiveEvents
{
    /// <summary>The wall-clock origin of every test (arrival times are offsets from here).</summary>
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int FrameSide = 4;

    /// <summary>A tiny grey frame at <paramref name="pts"/>, arriving at T0 + <paramref name="arrived"/> (default: its PTS).</summary>
    public static VideoFrameEvent Frame(double pts, byte level = 16, double? arrived = null) =>
        new(T0.AddSeconds(arrived ?? pts), pts, FrameSide, FrameSide, Enumerable.Repeat(level, FrameSide * FrameSide).ToArray());

    /// <summary>A chunk of <paramref name="count"/> samples of <paramref name="value"/> at <paramref name="pts"/>.</summary>
    public static AudioChunkEvent Chunk(double pts, int count, float value = 0.1f, int rate = 1000, double? arrived = null) =>
        new(T0.AddSeconds(arrived ?? pts), pts, rate, Enumerable.Repeat(value, count).ToArray());

    /// <summary>Frames at <paramref name="fps"/> with PTS in [from, to).</summary>
    public static IEnumerable<VideoFrameEvent> Frames(double from, double to, double fps = 25)
    {
        for (var i = 0; from + (i / fps) < to - 1e-9; i++)
        {
            yield return Frame(from + (i / fps));
        }
    }

    /// <summary>Chunks of <paramref name="chunkSeconds"/> at <paramref name="rate"/> Hz covering [from, to).</summary>
    public static IEnumerable<AudioChunkEvent> Chunks(double from, double to, double chunkSeconds = 0.1, int rate = 1000)
    {
        var count = (int)Math.Round(chunkSeconds * rate);
        for (var i = 0; from + (i * chunkSeconds) < to - 1e-9; i++)
        {
            yield return Chunk(from + (i * chunkSeconds), count, rate: rate);
        }
    }

    /// <summary>Frames and chunks of [from, to) merged in PTS order (video first on ties), as a well-behaved source sends them.</summary>
    public static List<SourceEvent> Interleaved(double from, double to, double fps = 25) =>
        [.. Frames(from, to, fps).Cast<SourceEvent>().Concat(Chunks(from, to)).OrderBy(Pts).ThenBy(e => e is AudioChunkEvent ? 1 : 0)];

    public static double Pts(SourceEvent e) => e switch
    {
        VideoFrameEvent f => f.PtsSeconds,
        AudioChunkEvent c => c.PtsSeconds,
        _ => double.NaN,
    };

    /// <summary>Runs the work due now (AdvanceBy(0) is a no-op in Rx's virtual time, so this advances one tick).</summary>
    public static void RunDue(this System.Reactive.Concurrency.HistoricalScheduler scheduler) =>
        scheduler.AdvanceBy(TimeSpan.FromTicks(1));

    /// <summary>Feeds <paramref name="events"/> and returns every window they closed.</summary>
    public static List<LiveWindow> FeedAll(this WindowAssembler assembler, IEnumerable<SourceEvent> events) =>
        [.. events.SelectMany(assembler.Add)];

    /// <summary>A window with (or without) a few frames and a second of audio, for scheduler and tracker tests.</summary>
    public static LiveWindow Window(string stream, long sequence, double start = 0, double length = 4, bool video = true, bool audio = true)
    {
        var track = video ? new VideoTrack(1, 1, [1, 2], [start, start + 0.04]) : null;
        var sound = audio ? new AudioTrack(new float[1000], 1000, start) : null;
        var info = new MediaInfo(stream, "live", length, null, null);
        return new LiveWindow(stream, sequence, start, start + length, new DecodedMedia(info, track, sound), T0.AddSeconds(start + length));
    }
}
