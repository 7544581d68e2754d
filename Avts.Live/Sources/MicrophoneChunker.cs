using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace Avts.Live.Sources;

/// <summary>
/// Turns microphone capture packets in the endpoint's format (WASAPI's mix format: 32-bit float or 16/24/32-bit PCM,
/// any channel count and rate, WAVEFORMATEXTENSIBLE or not) into the pipeline's mono
/// <see cref="FfmpegLiveSource.AudioSampleRate"/> Hz float chunks, through NAudio: a <see cref="BufferedWaveProvider"/>
/// in the capture format, its sample provider (format conversion), <see cref="MonoDownmixSampleProvider"/> and
/// <see cref="WdlResamplingSampleProvider"/>.
/// <para>
/// Timestamps come from the capture clock, not from counting samples since the start: each packet carries the time
/// its first frame was recorded (for WASAPI the QPC position, on the performance-counter timeline). A run of packets
/// is anchored at its first packet's time and sample <c>n</c> of the run is at <c>anchor + n / 16000</c> (contiguous
/// chunks, as the windowing wants). Each later packet's own time is compared with where the count puts it: when the
/// two differ by more than <see cref="MaxSkewSeconds"/> (the device's sample clock drifting from the performance
/// counter, or packets lost), the timeline is moved to that packet's time from there on (a gap, or dropped samples
/// where it would overlap what was already emitted); when the device flags a discontinuity the run is re-anchored
/// at the packet's time and the resampler starts over. So the timeline follows the capture clock within 20 ms and
/// never goes back. Limitation: between corrections the count runs on the device's clock (a 50 ppm device moves by
/// 20 ms in about 7 minutes, then steps back onto the capture clock).
/// </para>
/// </summary>
internal sealed class MicrophoneChunker
{
    /// <summary>Largest disagreement between the sample count and the capture clock before re-anchoring, seconds.</summary>
    public const double MaxSkewSeconds = 0.020;

    private const int OutputRate = FfmpegLiveSource.AudioSampleRate;

    private readonly WaveFormat captureFormat;
    private readonly int chunkSamples;
    private readonly float[] readBuffer = new float[4096];
    private readonly List<float> pending = [];
    private BufferedWaveProvider? buffered;
    private ISampleProvider? output;
    private double anchorSeconds;
    private long inputFrames;
    private long skipSamples;
    private long emittedSinceAnchor;
    private double emittedEnd = double.NegativeInfinity;

    /// <summary>A chunker for packets in <paramref name="captureFormat"/>, emitting chunks of <paramref name="chunkSeconds"/>.</summary>
    /// <exception cref="ArgumentException">A format NAudio cannot convert to float samples (not PCM 8/16/24/32-bit or IEEE float).</exception>
    public MicrophoneChunker(WaveFormat captureFormat, double chunkSeconds = 0.1)
    {
        ArgumentNullException.ThrowIfNull(captureFormat);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(chunkSeconds, 0);
        this.captureFormat = captureFormat.AsStandardWaveFormat();
        if (this.captureFormat.Encoding is not (WaveFormatEncoding.Pcm or WaveFormatEncoding.IeeeFloat))
        {
            throw new ArgumentException($"Microphone format {captureFormat} is neither PCM nor IEEE float.", nameof(captureFormat));
        }

        chunkSamples = Math.Max(1, (int)Math.Round(chunkSeconds * OutputRate));
    }

    /// <summary>How many times the run was re-anchored on the capture clock (the first packet not counted).</summary>
    public int Reanchors { get; private set; }

    /// <summary>
    /// Adds one packet of interleaved frames and returns the chunks it completed.
    /// </summary>
    /// <param name="packet">Whole frames in the capture format.</param>
    /// <param name="captureSeconds">When the packet's first frame was recorded, seconds on the capture clock.</param>
    /// <param name="silent">The device says the packet is silence (its bytes are then not read).</param>
    /// <param name="discontinuity">The device says frames were lost before this packet.</param>
    /// <param name="arrivedAt">Stamped on the chunks' <see cref="SourceEvent.ArrivedAt"/>.</param>
    public List<AudioChunkEvent> Add(ReadOnlySpan<byte> packet, double captureSeconds, bool silent, bool discontinuity, DateTimeOffset arrivedAt)
    {
        var chunks = new List<AudioChunkEvent>();
        var frames = packet.Length / captureFormat.BlockAlign;
        if (frames == 0)
        {
            return chunks;
        }

        var skew = captureSeconds - (anchorSeconds + ((double)inputFrames / captureFormat.SampleRate));
        if (output is null || discontinuity)
        {
            Reanchors += output is null ? 0 : 1;
            Anchor(captureSeconds, arrivedAt, chunks);
        }
        else if (Math.Abs(skew) > MaxSkewSeconds)
        {
            Reanchors++;
            Realign(skew, arrivedAt, chunks);
        }

        var bytes = packet[..(frames * captureFormat.BlockAlign)];
        buffered!.AddSamples(silent ? new byte[bytes.Length] : bytes);
        inputFrames += frames;
        Drain(arrivedAt, chunks);
        return chunks;
    }

    /// <summary>Emits what is pending as a last (short) chunk, e.g. when capture stops.</summary>
    public List<AudioChunkEvent> Flush(DateTimeOffset arrivedAt)
    {
        var chunks = new List<AudioChunkEvent>();
        Emit(pending.Count, arrivedAt, chunks);
        return chunks;
    }

    private void Anchor(double captureSeconds, DateTimeOffset arrivedAt, List<AudioChunkEvent> chunks)
    {
        Emit(pending.Count, arrivedAt, chunks);
        buffered = new BufferedWaveProvider(captureFormat, TimeSpan.FromSeconds(5)) { ReadFully = false, DiscardOnBufferOverflow = true };
        ISampleProvider samples = buffered.ToSampleProvider();
        if (samples.WaveFormat.Channels > 1)
        {
            samples = new MonoDownmixSampleProvider(samples);
        }

        output = captureFormat.SampleRate == OutputRate ? samples : new WdlResamplingSampleProvider(samples, OutputRate);
        anchorSeconds = captureSeconds;
        inputFrames = 0;
        emittedSinceAnchor = 0;
        SkipOverlap();
    }

    /// <summary>
    /// The count strayed from the capture clock without a reported loss (drift, or packets lost unflagged): the
    /// timeline moves by <paramref name="skew"/> from the next sample on, the resampler keeps running (a reset would
    /// put a transient, i.e. a false onset, into the sound).
    /// </summary>
    private void Realign(double skew, DateTimeOffset arrivedAt, List<AudioChunkEvent> chunks)
    {
        Emit(pending.Count, arrivedAt, chunks);
        anchorSeconds += skew;
        SkipOverlap();
    }

    /// <summary>Never go back in time: output that would overlap the emitted chunks is dropped.</summary>
    private void SkipOverlap()
    {
        var next = anchorSeconds + ((double)emittedSinceAnchor / OutputRate);
        skipSamples = emittedEnd > next ? (long)Math.Ceiling((emittedEnd - next) * OutputRate) : 0;
    }

    private void Drain(DateTimeOffset arrivedAt, List<AudioChunkEvent> chunks)
    {
        int read;
        while ((read = output!.Read(readBuffer)) > 0)
        {
            var from = 0;
            if (skipSamples > 0)
            {
                from = (int)Math.Min(skipSamples, read);
                skipSamples -= from;
                emittedSinceAnchor += from;
            }

            for (var i = from; i < read; i++)
            {
                pending.Add(readBuffer[i]);
            }

            while (pending.Count >= chunkSamples)
            {
                Emit(chunkSamples, arrivedAt, chunks);
            }
        }
    }

    private void Emit(int count, DateTimeOffset arrivedAt, List<AudioChunkEvent> chunks)
    {
        if (count == 0)
        {
            return;
        }

        var samples = pending.GetRange(0, count).ToArray();
        pending.RemoveRange(0, count);
        var chunk = new AudioChunkEvent(arrivedAt, anchorSeconds + ((double)emittedSinceAnchor / OutputRate), OutputRate, samples);
        chunks.Add(chunk);
        emittedSinceAnchor += count;
        emittedEnd = chunk.EndSeconds;
    }
}
