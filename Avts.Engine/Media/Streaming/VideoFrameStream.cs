using System.Globalization;
using System.Threading.Channels;

namespace Avts.Engine.Media.Streaming;

/// <summary>
/// One ffmpeg process decoding one video stream to grey frames at the analysis size, read one frame at a time with its
/// exact presentation timestamp. ffmpeg writes raw frames to stdout and, through a <c>showinfo</c> placed last in the
/// chain, one stderr line per frame; with <c>-fps_mode passthrough</c> it neither duplicates nor drops frames, so the
/// n-th line belongs to the n-th frame. A bounded queue between the pipe and the reader is the backpressure: while
/// the analysis is busy, ffmpeg waits on its pipe, and memory stays bounded whatever the input's length.
/// </summary>
internal sealed class VideoFrameStream : IAsyncDisposable
{
    private const int QueuedFrames = 64;
    private const string ShowinfoName = "showinfo@frames";

    private readonly string input;
    private readonly Channel<byte[]> frames = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(QueuedFrames) { SingleReader = true, SingleWriter = true });
    private readonly TimestampFeed timestamps = new();
    private readonly CancellationTokenSource stop;
    private readonly double reorderDelaySeconds;
    private Task run = Task.CompletedTask;
    private bool stopping;

    private VideoFrameStream(string input, int width, int height, double reorderDelaySeconds, CancellationToken cancellationToken)
    {
        this.input = input;
        Width = width;
        Height = height;
        this.reorderDelaySeconds = reorderDelaySeconds;
        Buffers = new FrameBufferPool(width * height, QueuedFrames + 2);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pool the frames' pixel buffers come from; give them back when done.</summary>
    public FrameBufferPool Buffers { get; }

    /// <summary>Frames handed out so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Starts decoding <paramref name="stream"/> of <paramref name="input"/>.</summary>
    public static VideoFrameStream Start(string input, MediaInfo info, VideoStreamInfo stream, DecodeOptions options, CancellationToken cancellationToken)
    {
        var (width, height) = OutputSize(stream, options.VideoWidth);
        var decoder = new VideoFrameStream(input, width, height, stream.ReorderDelaySeconds, cancellationToken);
        var showinfo = new ShowinfoTimestamps(ShowinfoTimestamps.Tag(ShowinfoName), stream.FrameRate, (seconds, _) => decoder.timestamps.Add(seconds));
        var arguments = FfmpegInput.Arguments(input, info, options, "info", SpeedOptions(options));
        arguments.AddRange(
        [
            "-map", "0:" + stream.Index.ToString(CultureInfo.InvariantCulture), "-an", "-sn", "-dn",
            // Autorotation (on by default) inserts its transpose before this chain, so the size here is post-rotation.
            "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}:flags=area,format=gray,{ShowinfoName}=checksum=0"),
            "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
        ]);
        decoder.run = decoder.RunAsync(arguments, showinfo, options.StallTimeout);
        return decoder;
    }

    /// <summary>
    /// Speed options of the offline video decode, each measured on a 60 s 640x360 grainy H.264 clip on 2 cores
    /// (docs/results.md, issue 18). More frame threads than ffmpeg's default (cores + 1) keep the decoder busy while
    /// ffmpeg's one output thread scales and writes the previous frame, and <c>-filter_threads 1</c> spares that light
    /// chain (area scale, grey) a thread pool that only adds switches. <c>-skip_loop_filter all</c> (unless
    /// <see cref="DecodeOptions.Deblock"/>) skips H.264/HEVC deblocking; timestamps are untouched.
    /// </summary>
    internal static string[] SpeedOptions(DecodeOptions options)
    {
        var threads = Math.Clamp(2 * Environment.ProcessorCount, 4, 16).ToString(CultureInfo.InvariantCulture);
        return options.Deblock
            ? ["-threads", threads, "-filter_threads", "1"]
            : ["-threads", threads, "-filter_threads", "1", "-skip_loop_filter", "all"];
    }

    /// <summary>The next frame in presentation order, or null at the end of the stream.</summary>
    /// <exception cref="MediaInputException">ffmpeg failed or stalled, or frames and timestamps disagree.</exception>
    public async ValueTask<DecodedFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? pixels;
        while (!frames.Reader.TryRead(out pixels))
        {
            // Completion with an error rethrows it here.
            if (!await frames.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await run.ConfigureAwait(false);
                if (!stopping && timestamps.Count != FramesRead)
                {
                    throw Mismatch();
                }

                return null;
            }
        }

        var seconds = await timestamps.TakeAsync(FramesRead, run, cancellationToken).ConfigureAwait(false) ?? throw Mismatch();
        FramesRead++;
        return new DecodedFrame(seconds - reorderDelaySeconds, pixels);
    }

    /// <summary>Stops ffmpeg (if still running) and waits for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopped on purpose; the reader already saw (or no longer cares about) any failure.
        }

        stop.Dispose();
    }

    /// <summary>
    /// Analysis frame size: the requested width and the height that keeps the displayed aspect ratio (sample aspect
    /// ratio and rotation applied), rounded to an even number of at least 2.
    /// </summary>
    public static (int Width, int Height) OutputSize(VideoStreamInfo stream, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        var displayWidth = stream.DisplayWidth;
        var displayHeight = stream.DisplayHeight;
        if (displayWidth <= 0 || displayHeight <= 0)
        {
            throw new MediaInputException($"{stream.Codec} video stream #{stream.Index} has no known picture size.");
        }

        var height = (int)Math.Round(width * displayHeight / displayWidth / 2.0, MidpointRounding.AwayFromZero) * 2;
        return (width, Math.Max(2, height));
    }

    private MediaInputException Mismatch() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{input}: ffmpeg returned {FramesRead} video frames but {timestamps.Count} frame timestamps."));

    private async Task RunAsync(List<string> arguments, ShowinfoTimestamps showinfo, TimeSpan stallTimeout)
    {
        var partial = false;
        try
        {
            var result = await FfmpegProcess.RunAsync(
                "ffmpeg",
                arguments,
                async (stdout, progress, ct) => partial = await PumpAsync(stdout, progress, ct).ConfigureAwait(false),
                showinfo.Consume,
                stallTimeout,
                stop.Token).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new MediaInputException($"{input}: ffmpeg could not decode the video ({result.Reason}).");
            }

            if (partial)
            {
                throw new MediaInputException($"{input}: ffmpeg's video output ended inside a frame.");
            }

            frames.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stopping)
        {
            frames.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            frames.Writer.TryComplete(ex);
            throw;
        }
    }

    // Returns true when the output ended inside a frame.
    private async Task<bool> PumpAsync(Stream stdout, Action progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffer = Buffers.Rent();
            var read = await FfmpegProcess.ReadFullyAsync(stdout, buffer, cancellationToken).ConfigureAwait(false);
            if (read < buffer.Length)
            {
                Buffers.Return(buffer);
                return read > 0;
            }

            progress();
            await PatientWriter.WriteAsync(frames.Writer, buffer, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
