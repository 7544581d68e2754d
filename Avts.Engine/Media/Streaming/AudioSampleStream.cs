using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Avts.Engine.Media.Streaming;

/// <summary>
/// One ffmpeg process decoding one audio stream to mono float PCM whose first sample sits at a known pts, read a chunk
/// at a time. <c>aresample</c> with <c>async=1</c> fills gaps and trims overlaps by timestamp, and with <c>first_pts</c>
/// it pads or trims the start towards <c>first_pts</c> (in output samples); <c>min_hard_comp</c> is lowered from its
/// 0.1 s default so that offsets above 1 ms are corrected instead of ignored. When it pads, the resampler's own delay
/// makes the first output pts differ from <c>first_pts</c> by a few ms, so the pts actually output is read back from an
/// <c>ashowinfo</c> placed last. A second <c>ashowinfo</c> placed first counts what the decoder really produced, since
/// the resampler's gap filling would hide missing audio.
/// </summary>
internal sealed class AudioSampleStream : IAsyncDisposable
{
    private const int ChunkSamples = 4096;
    private const int QueuedChunks = 64;
    private const string DecodedName = "ashowinfo@decoded";
    private const string OutputName = "ashowinfo@output";

    private readonly string input;
    private readonly Channel<float[]> chunks = Channel.CreateBounded<float[]>(
        new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });
    private readonly TimestampFeed firstPts = new();
    private readonly CancellationTokenSource stop;
    private readonly Lock decodedGate = new();
    private readonly double spanStart;
    private readonly double spanEnd;
    private readonly int inputRate;
    private Task run = Task.CompletedTask;
    private long decodedSamples;
    private bool stopping;
    private double? startSeconds;

    private AudioSampleStream(string input, int sampleRate, int inputRate, double spanStart, double spanEnd, CancellationToken cancellationToken)
    {
        this.input = input;
        SampleRate = sampleRate;
        this.inputRate = inputRate;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Output samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>Seconds of priming removed by moving every sample earlier (0 when none).</summary>
    public double PrimingCorrectionSeconds { get; private init; }

    /// <summary>
    /// Seconds of audio the decoder itself produced inside the requested span, before any gap filling: what
    /// <see cref="DecodeCoverage"/> compares with the probe's promise.
    /// </summary>
    public double DecodedSeconds
    {
        get
        {
            lock (decodedGate)
            {
                return inputRate > 0 ? (double)decodedSamples / inputRate : 0;
            }
        }
    }

    /// <summary>Starts decoding <paramref name="stream"/> of <paramref name="input"/> to mono PCM at the options' rate.</summary>
    public static AudioSampleStream Start(string input, MediaInfo info, AudioStreamInfo stream, DecodeOptions options, CancellationToken cancellationToken)
    {
        var rate = options.AudioSampleRate;
        var priming = stream.UntrimmedPrimingSamples > 0 && stream.SampleRate > 0 ? stream.UntrimmedPrimingSeconds : 0;

        // After removing the priming, the first real sample is at the probed start (where the priming began).
        var start = Math.Max(stream.StartSeconds, FfmpegInput.SpanStart(info, options) ?? double.NegativeInfinity);
        var firstPts = (long)Math.Round(start * rate, MidpointRounding.AwayFromZero);
        var decoder = new AudioSampleStream(input, rate, stream.SampleRate, start, FfmpegInput.SpanEnd(info, options), cancellationToken)
        {
            PrimingCorrectionSeconds = priming,
        };

        // Moving every sample earlier by the priming lets aresample trim what now lies before first_pts.
        var shift = priming > 0
            ? string.Create(CultureInfo.InvariantCulture, $"asetpts=PTS-{stream.UntrimmedPrimingSamples}/{stream.SampleRate}/TB,")
            : "";
        var filter = string.Create(
            CultureInfo.InvariantCulture,
            $"{DecodedName},{shift}aresample={rate}:async=1:min_hard_comp=0.001:first_pts={firstPts},{OutputName}");

        var arguments = FfmpegInput.Arguments(input, info, options, "info");
        arguments.AddRange(
        [
            "-map", "0:" + stream.Index.ToString(CultureInfo.InvariantCulture), "-vn", "-sn", "-dn",
            "-af", filter, "-ac", "1", "-ar", rate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1",
        ]);

        // ashowinfo logs no time base; after aresample it is 1/output rate, before it 1/input rate.
        var decoded = new ShowinfoTimestamps(ShowinfoTimestamps.Tag(DecodedName), 0, decoder.CountDecoded, stream.SampleRate);
        var output = new ShowinfoTimestamps(ShowinfoTimestamps.Tag(OutputName), 0, (seconds, _) => decoder.firstPts.Add(seconds), rate);
        decoder.run = decoder.RunAsync(arguments, line => decoded.Consume(line) || output.Consume(line), options.StallTimeout);
        return decoder;
    }

    /// <summary>
    /// The presentation time of the first sample, waiting for ffmpeg to report it; null when the stream ended without
    /// a sample.
    /// </summary>
    public async ValueTask<double?> StartSecondsAsync(CancellationToken cancellationToken) =>
        startSeconds ??= await firstPts.TakeAsync(0, run, cancellationToken).ConfigureAwait(false);

    /// <summary>The next chunk of samples (contiguous with the previous one), or null at the end of the stream.</summary>
    /// <exception cref="MediaInputException">ffmpeg failed or stalled.</exception>
    public async ValueTask<float[]?> ReadAsync(CancellationToken cancellationToken)
    {
        float[]? chunk;
        while (!chunks.Reader.TryRead(out chunk))
        {
            if (!await chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await run.ConfigureAwait(false);
                return null;
            }
        }

        return chunk;
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

    private void CountDecoded(double seconds, int samples)
    {
        if (seconds >= spanStart - 0.05 && seconds < spanEnd)
        {
            lock (decodedGate)
            {
                decodedSamples += samples;
            }
        }
    }

    private async Task RunAsync(List<string> arguments, Func<string, bool> consumeStderr, TimeSpan stallTimeout)
    {
        try
        {
            var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, PumpAsync, consumeStderr, stallTimeout, stop.Token)
                .ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new MediaInputException($"{input}: ffmpeg could not decode the audio ({result.Reason}).");
            }

            chunks.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stopping)
        {
            chunks.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            chunks.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task PumpAsync(Stream stdout, Action progress, CancellationToken cancellationToken)
    {
        var bytes = new byte[ChunkSamples * sizeof(float)];
        while (true)
        {
            var read = await FfmpegProcess.ReadFullyAsync(stdout, bytes, cancellationToken).ConfigureAwait(false);
            var whole = read / sizeof(float);
            if (whole > 0)
            {
                var chunk = new float[whole];
                MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, whole * sizeof(float))).CopyTo(chunk);
                progress();
                await PatientWriter.WriteAsync(chunks.Writer, chunk, progress, cancellationToken).ConfigureAwait(false);
            }

            if (read < bytes.Length)
            {
                return;
            }
        }
    }
}
