using Avts.Live.Sources;

namespace Avts.Live.Pipeline;

/// <summary>
/// Turns one stream's frames and audio chunks (in arrival order) into <see cref="LiveWindow"/>s cut by presentation
/// timestamp. Pure: no clock, no threads; not thread-safe (the pipeline feeds it from one serialized sequence per
/// stream).
/// <para>
/// Windows are [origin + k * hop, origin + k * hop + length), where the origin is the first PTS seen on the current
/// timeline, video or audio, whichever arrives first: the earliest data is never cut off and both media share one grid.
/// </para>
/// <para>
/// A window closes when both media have reached its end by PTS (a frame, or audio, at least <see cref="ReorderSeconds"/>
/// past the end, so jittered arrivals still find their window). When
/// one medium is past the end by more than <see cref="LiveOptions.MaxSkewSeconds"/> while the other has not reached it,
/// the window closes with whatever the lagging medium has (possibly nothing: no video / no audio downstream), so a dead
/// feed cannot stall the other. Data arriving for a window that has already closed is still used by the later windows
/// that overlap it; data older than the next window's start is discarded, which bounds memory to about one window plus
/// the allowed skew.
/// </para>
/// <para>
/// A timeline reset (a reconnected source restarting its clock) is detected when a PTS goes back by more than
/// <see cref="BackwardResetSeconds"/> from the newest of its medium or forward by more than
/// <see cref="ForwardResetSeconds"/> past the newest of either medium: the buffered data (and any half-filled window)
/// is dropped and the new PTS becomes the origin. Sequence numbers keep counting across resets.
/// </para>
/// </summary>
public sealed class WindowAssembler
{
    /// <summary>A PTS this far (seconds) behind the newest of its medium means the timeline restarted.</summary>
    public const double BackwardResetSeconds = 5;

    /// <summary>A PTS this far (seconds) ahead of the newest of either medium means the timeline jumped.</summary>
    public const double ForwardResetSeconds = 30;

    /// <summary>
    /// How far (seconds) a medium must be past a window's end before the window counts as reached by it: frames and
    /// chunks reordered by up to this much in arrival (decoder or network jitter) still land in their window. Costs this
    /// much latency.
    /// </summary>
    public const double ReorderSeconds = 0.1;

    /// <summary>Two timestamps closer than this (seconds) are the same frame or chunk (a duplicate).</summary>
    private const double SameTimestamp = 1e-6;

    private readonly string stream;
    private readonly double length;
    private readonly double hop;
    private readonly double maxSkew;
    private readonly List<VideoFrameEvent> frames = [];
    private readonly List<AudioChunkEvent> chunks = [];
    private double? origin;
    private long windowIndex;
    private double videoReach = double.NegativeInfinity;
    private double audioReach = double.NegativeInfinity;

    /// <summary>Creates an assembler for the stream named <paramref name="stream"/>.</summary>
    public WindowAssembler(string stream, LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WindowSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.HopSeconds);
        this.stream = stream;
        length = options.WindowSeconds;
        hop = options.HopSeconds;
        maxSkew = Math.Max(0, options.MaxSkewSeconds);
    }

    /// <summary>The next window's sequence number (counts every window emitted, across resets).</summary>
    public long NextSequence { get; private set; }

    /// <summary>Timeline resets so far (detected or requested).</summary>
    public int Resets { get; private set; }

    /// <summary>Frames and chunks that arrived too late for any open window (or duplicated one) and were ignored.</summary>
    public long IgnoredEvents { get; private set; }

    /// <summary>Frames currently buffered (for tests and diagnostics).</summary>
    public int BufferedFrames => frames.Count;

    /// <summary>Audio chunks currently buffered (for tests and diagnostics).</summary>
    public int BufferedChunks => chunks.Count;

    /// <summary>Start of the next window to close, seconds; null before any data on the current timeline.</summary>
    public double? NextWindowStart => origin is { } o ? o + (windowIndex * hop) : null;

    /// <summary>
    /// Adds one event and returns the windows it closed, oldest first (usually none or one). Status events are ignored.
    /// </summary>
    public IReadOnlyList<LiveWindow> Add(SourceEvent sourceEvent)
    {
        ArgumentNullException.ThrowIfNull(sourceEvent);
        switch (sourceEvent)
        {
            case VideoFrameEvent frame:
                ResetIfTimelineJumped(frame.PtsSeconds, videoReach);
                if (!Insert(frames, frame, frame.PtsSeconds, frame.PtsSeconds + SameTimestamp, static f => f.PtsSeconds))
                {
                    IgnoredEvents++;
                    return [];
                }

                videoReach = Math.Max(videoReach, frame.PtsSeconds);
                break;
            case AudioChunkEvent chunk when chunk.Samples.Length > 0 && chunk.SampleRate > 0:
                ResetIfTimelineJumped(chunk.PtsSeconds, audioReach);
                if (!Insert(chunks, chunk, chunk.PtsSeconds, chunk.EndSeconds, static c => c.PtsSeconds))
                {
                    IgnoredEvents++;
                    return [];
                }

                audioReach = Math.Max(audioReach, chunk.EndSeconds);
                break;
            default:
                return [];
        }

        return CloseReadyWindows(sourceEvent.ArrivedAt);
    }

    /// <summary>
    /// Forgets the current timeline: buffered data and the half-filled window are dropped and the next PTS becomes the
    /// origin. Call it when the source reconnects; it also happens on its own when timestamps jump.
    /// </summary>
    public void Reset()
    {
        frames.Clear();
        chunks.Clear();
        origin = null;
        windowIndex = 0;
        videoReach = double.NegativeInfinity;
        audioReach = double.NegativeInfinity;
        Resets++;
    }

    private void ResetIfTimelineJumped(double pts, double reachOfSameMedium)
    {
        var newest = Math.Max(videoReach, audioReach);
        var jumpedBack = double.IsFinite(reachOfSameMedium) && pts < reachOfSameMedium - BackwardResetSeconds;
        var jumpedForward = double.IsFinite(newest) && pts > newest + ForwardResetSeconds;
        if (jumpedBack || jumpedForward)
        {
            Reset();
        }
    }

    /// <summary>
    /// Inserts in PTS order; false when it duplicates a buffered PTS or ends before the next window starts (it arrived
    /// too late for every window that is still open).
    /// </summary>
    private bool Insert<T>(List<T> list, T item, double pts, double endPts, Func<T, double> ptsOf)
    {
        origin ??= pts;
        if (endPts < NextWindowStart + SameTimestamp)
        {
            return false;
        }

        // Usual case: in order, append. Otherwise walk back to the insertion point (jitter reorders only a few).
        var index = list.Count;
        while (index > 0 && ptsOf(list[index - 1]) > pts + SameTimestamp)
        {
            index--;
        }

        if (index > 0 && Math.Abs(ptsOf(list[index - 1]) - pts) <= SameTimestamp)
        {
            return false;
        }

        list.Insert(index, item);
        return true;
    }

    private List<LiveWindow> CloseReadyWindows(DateTimeOffset arrivedAt)
    {
        var closed = new List<LiveWindow>();
        while (origin is { } o)
        {
            var start = o + (windowIndex * hop);
            var end = start + length;
            var videoDone = videoReach >= end + ReorderSeconds - SameTimestamp;
            var audioDone = audioReach >= end + ReorderSeconds - SameTimestamp;
            var bothDone = videoDone && audioDone;
            var videoRanAway = videoDone && videoReach - end > maxSkew;
            var audioRanAway = audioDone && audioReach - end > maxSkew;
            if (!bothDone && !videoRanAway && !audioRanAway)
            {
                break;
            }

            var media = WindowMedia.Build(stream, start, end, frames, chunks);
            closed.Add(new LiveWindow(stream, NextSequence++, start, end, media, arrivedAt));
            windowIndex++;
            DiscardBefore(o + (windowIndex * hop));
        }

        return closed;
    }

    /// <summary>Drops frames presented before <paramref name="nextStart"/> and chunks that end by then.</summary>
    private void DiscardBefore(double nextStart)
    {
        var oldFrames = 0;
        while (oldFrames < frames.Count && frames[oldFrames].PtsSeconds < nextStart - SameTimestamp)
        {
            oldFrames++;
        }

        frames.RemoveRange(0, oldFrames);
        chunks.RemoveAll(c => c.EndSeconds <= nextStart + SameTimestamp);
    }
}
