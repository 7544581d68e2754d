using System.Runtime.CompilerServices;
using Avts.Engine.Media.Streaming;

namespace Avts.Engine.Media;

/// <summary>
/// Decodes an input once, from its start, as timestamped grey frames and mono PCM, and hands it out in overlapping
/// spans (<see cref="SpanLayout"/>) while ffmpeg keeps decoding: one ffmpeg per stream, no seeking between spans, and
/// backpressure on both pipes, so memory holds about one span whatever the input's length and every container is read
/// the same way. Timestamps are the container's (<c>-copyts</c>): stream start offsets, edit lists, Opus pre-skip and
/// VFR are kept as they are, untrimmed AAC priming is removed, and decode-order timestamps (AVI) are moved back by the
/// decoder's reorder delay, so a frame and a sample with the same time were meant to be presented together.
/// </summary>
public sealed class MediaSpanReader : IMediaSpans
{
    private readonly DecodeOptions options;
    private readonly SpanLayout layout;
    private readonly double limitStart;
    private readonly double limitEnd;
    private VideoFrameStream? video;
    private AudioSampleStream? audio;
    private bool started;

    private MediaSpanReader(MediaInfo info, DecodeOptions options, SpanLayout layout)
    {
        Info = info;
        this.options = options;
        this.layout = layout;
        limitStart = FfmpegInput.SpanStart(info, options) ?? double.NegativeInfinity;
        limitEnd = FfmpegInput.SpanEnd(info, options);
    }

    /// <inheritdoc />
    public MediaInfo Info { get; }

    /// <inheritdoc />
    public DecodeCoverage? Coverage { get; private set; }

    /// <summary>Probes <paramref name="input"/>; ffmpeg starts when the spans are read.</summary>
    /// <exception cref="MediaInputException">The input cannot be used.</exception>
    public static async Task<MediaSpanReader> OpenAsync(string input, DecodeOptions options, SpanLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.VideoWidth, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.AudioSampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.SpanSeconds);
        if (options.DurationSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DurationSeconds must be positive when set.");
        }

        var info = await MediaProbe.ProbeAsync(input, options.StallTimeout, cancellationToken).ConfigureAwait(false);
        return new MediaSpanReader(info, options, layout);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DecodedMedia> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (started)
        {
            throw new InvalidOperationException("The spans of an input can be read once.");
        }

        started = true;
        video = options.IncludeVideo && Info.Video is { } v ? VideoFrameStream.Start(Info.Input, Info, v, options, cancellationToken) : null;
        audio = options.IncludeAudio && Info.Audio is { } a ? AudioSampleStream.Start(Info.Input, Info, a, options, cancellationToken) : null;
        if (video is null && audio is null)
        {
            yield return new DecodedMedia(Info, null, null);
            Coverage = new DecodeCoverage(0, null, 0, null);
            yield break;
        }

        var frames = new SpanFrames(video, Info.Video is { } stream ? HeldFrames(stream) : 0);
        var samples = audio is null ? null : await SampleSourceAsync(audio, cancellationToken).ConfigureAwait(false);

        // Spans count from the first frame kept (without video: one span, the whole input).
        var whole = layout.IsWhole || video is null;
        await frames.FillAsync(limitStart, limitEnd, double.NegativeInfinity, cancellationToken).ConfigureAwait(false);
        var origin = frames.FirstSeconds ?? 0;
        for (var index = 0; ; index++)
        {
            var start = index == 0 ? double.NegativeInfinity : origin + (index * layout.SpanSeconds);
            var end = whole ? double.PositiveInfinity : origin + ((index + 1) * layout.SpanSeconds) + layout.OverlapSeconds;
            var audioFrom = Math.Max(start - layout.AudioMarginSeconds, limitStart);
            var audioTo = Math.Min(end + layout.AudioMarginSeconds, limitEnd);

            // Both pipes are drained at once: read one after the other, the sound's ffmpeg would wait on its full pipe
            // for the whole span's video and then decode its share alone, after the picture (issue 18's profile).
            await Task.WhenAll(
                frames.FillAsync(limitStart, limitEnd, end, cancellationToken),
                samples?.FillAsync(audioTo, cancellationToken) ?? Task.CompletedTask).ConfigureAwait(false);

            yield return new DecodedMedia(
                Info,
                video is null ? null : frames.Track(end, lend: !whole),
                samples?.Window.Slice(audioFrom, audioTo, audio!.PrimingCorrectionSeconds));

            if (whole || !frames.HasFramesFrom(end))
            {
                break;
            }

            var next = origin + ((index + 1) * layout.SpanSeconds);
            frames.DropBefore(next);
            samples?.Window.DropBefore(next - layout.AudioMarginSeconds);
        }

        Coverage = CoverageOf(frames);
    }

    /// <summary>Stops any ffmpeg still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (video is not null)
        {
            await video.DisposeAsync().ConfigureAwait(false);
        }

        if (audio is not null)
        {
            await audio.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Frames one span holds (with room for VFR bursts), or a first guess at a whole input's frames.
    private int HeldFrames(VideoStreamInfo stream)
    {
        var rate = stream.FrameRate is > 0 and < 1000 ? stream.FrameRate : 30;
        var seconds = layout.IsWhole ? options.DurationSeconds ?? stream.DurationSeconds ?? Info.DurationSeconds ?? 60 : layout.SpanSeconds + layout.OverlapSeconds + 1;
        return (int)Math.Min(200_000, Math.Ceiling((seconds * rate * 1.05) + 4));
    }

    // Samples are placed from the first one's pts; a stream that delivers none gives empty tracks at the span start.
    private async Task<SpanSamples> SampleSourceAsync(AudioSampleStream stream, CancellationToken cancellationToken)
    {
        var first = await stream.StartSecondsAsync(cancellationToken).ConfigureAwait(false);
        var fallback = double.IsFinite(limitStart) ? limitStart : Info.Audio?.StartSeconds ?? 0;
        return new SpanSamples(stream, new SampleWindow(first ?? fallback, stream.SampleRate));
    }

    private DecodeCoverage CoverageOf(SpanFrames frames)
    {
        long? framesExpected = null;
        if (Info.Video is { } v && video is not null && NominalFrameRate(v) is > 0 and var rate)
        {
            // Known stream end: the whole requested span must be there; unknown (MPEG-TS): no gap between first and last.
            var from = Math.Max(v.StartSeconds, limitStart);
            var to = Math.Min(v.DurationSeconds is { } d ? v.StartSeconds + d : frames.LastEndSeconds(rate), limitEnd);
            from = v.DurationSeconds is null ? frames.FirstSeconds ?? from : from;
            framesExpected = to > from ? (long)Math.Round((to - from) * rate) : null;
        }

        double? audioExpected = null;
        if (Info.Audio is { } a && audio is not null && a.DurationSeconds is { } duration)
        {
            var from = Math.Max(a.StartSeconds, limitStart);
            var to = Math.Min(a.StartSeconds + duration, limitEnd);
            audioExpected = to > from ? to - from : null;
        }

        return new DecodeCoverage(frames.Decoded, framesExpected, audio?.DecodedSeconds ?? 0, audioExpected);
    }

    /// <summary>
    /// The rate frames really come at: the lower of ffprobe's two rates. avg_frame_rate counts AVI's doubled index
    /// ticks (50 for a 25 fps AVI with B-frames), r_frame_rate the finest time base of VFR phone video.
    /// </summary>
    private static double NominalFrameRate(VideoStreamInfo stream) => stream.RealFrameRate > 0 && stream.FrameRate > 0
        ? Math.Min(stream.RealFrameRate, stream.FrameRate)
        : Math.Max(stream.RealFrameRate, stream.FrameRate);
}
