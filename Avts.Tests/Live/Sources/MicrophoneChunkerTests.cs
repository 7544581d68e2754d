using System.Runtime.InteropServices;
using Avts.Live.Sources;
using NAudio.Wave;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// The managed half of the WASAPI microphone (runs on every OS): synthetic packets in WASAPI-like mix formats become
/// mono 16 kHz chunks with the right level, length, frequency and capture-clock timestamps.
/// </summary>
public sealed class MicrophoneChunkerTests
{
    // A QPC-like capture time (seconds since boot), so nothing can pass by starting at 0.
    private const double Qpc0 = 12345.678;
    private static readonly DateTimeOffset Arrival = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, int> Formats => new()
    {
        { "float-ext", 48000, 2 },
        { "float", 44100, 1 },
        { "pcm16", 44100, 2 },
        { "pcm16", 48000, 1 },
        { "float-ext", 48000, 4 },
        { "pcm24", 16000, 2 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sine_ComesOutAt16kHzMono_WithItsLevelLengthAndFrequency_TimestampsContinuousFromTheCaptureClock(string kind, int rate, int channels)
    {
        var format = Format(kind, rate, channels);
        var chunker = new MicrophoneChunker(format);
        var seconds = 3.0;

        var chunks = Feed(chunker, format, Sine(rate, seconds, 1000, 0.5), Enumerable.Repeat(0.0, 300).ToArray(), packetSeconds: 0.01);
        chunks.AddRange(chunker.Flush(Arrival));

        var samples = chunks.SelectMany(c => c.Samples).ToArray();
        Assert.All(chunks, c => Assert.Equal(16000, c.SampleRate));
        Assert.InRange(samples.Length, (seconds * 16000) - 64, seconds * 16000);
        Assert.Equal(Qpc0, chunks[0].PtsSeconds, 1e-9);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].EndSeconds, chunks[i].PtsSeconds, 1e-9);
        }

        // Level (0.5 peak sine: RMS 0.354; 16-bit quantisation and the resampler's passband cost well under 2 %) and
        // frequency (2 zero crossings per period) over the steady middle.
        var middle = samples.AsSpan(1600, samples.Length - 3200);
        Assert.InRange(Rms(middle), 0.3536 * 0.98, 0.3536 * 1.02);
        var crossings = 0;
        var sign = Math.Sign(middle[0]) == 0 ? 1 : Math.Sign(middle[0]);
        foreach (var sample in middle)
        {
            if (Math.Sign(sample) == -sign && sample != 0)
            {
                crossings++;
                sign = -sign;
            }
        }

        Assert.InRange(crossings / (middle.Length / 16000.0), 1990, 2010);
        Assert.Equal(0, chunker.Reanchors);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Click_IsAtItsCaptureTime_WithinAMillisecond(int rate)
    {
        var format = WaveFormat.CreateIeeeFloatWaveFormat(rate, 1);
        var signal = new float[rate * 2];
        var clickAt = rate + (rate / 4); // 1.25 s
        for (var i = 0; i < rate / 1000; i++)
        {
            signal[clickAt + i] = 0.9f;
        }

        var chunks = Feed(new MicrophoneChunker(format), format, [signal], Enumerable.Repeat(0.0, 200).ToArray(), packetSeconds: 0.01);

        var (pts, _) = chunks.SelectMany(c => c.Samples.Select((s, i) => (Pts: c.PtsSeconds + ((double)i / 16000), Value: s))).MaxBy(s => s.Value);
        Assert.Equal(Qpc0 + 1.25 + 0.0005, pts, 0.001);
    }

    [Fact]
    public void LostPackets_ReanchorAtTheNextPacketsCaptureTime_NoOverlap()
    {
        var format = WaveFormat.CreateIeeeFloatWaveFormat(48000, 2);
        var chunker = new MicrophoneChunker(format);

        // 1 s, then 0.2 s of packets lost (the device flags the discontinuity), then 1 s.
        var jitter = new double[200];
        for (var k = 100; k < jitter.Length; k++)
        {
            jitter[k] = 0.2;
        }

        var chunks = Feed(chunker, format, Sine(48000, 2, 440, 0.3), jitter, packetSeconds: 0.01, discontinuityAt: 100);

        Assert.Equal(1, chunker.Reanchors);
        var after = chunks.First(c => c.PtsSeconds >= Qpc0 + 1.1);
        Assert.Equal(Qpc0 + 1.2, after.PtsSeconds, 1e-9);
        AssertNeverBackwards(chunks);
    }

    [Theory]
    [InlineData(1500)]
    [InlineData(-1500)]
    public void DeviceClockDrift_FollowsTheCaptureClockWithin20Ms_NeverGoesBack(double ppm)
    {
        var format = WaveFormat.CreateIeeeFloatWaveFormat(48000, 1);
        var chunker = new MicrophoneChunker(format);
        var seconds = 40;

        // The capture clock (QPC) runs ppm faster or slower than the device's sample count. The signal is a slow ramp,
        // so each sample's value says which input sample (nominal time) it is.
        var offsets = Enumerable.Range(0, seconds * 100).Select(k => k * 0.01 * ppm / 1e6).ToArray();
        var ramp = Enumerable.Range(0, 48000 * seconds).Select(i => (float)(0.9 * i / (48000.0 * seconds))).ToArray();
        var chunks = Feed(chunker, format, [ramp], offsets, packetSeconds: 0.01);

        Assert.InRange(chunker.Reanchors, 2, 3); // 60 ms of drift in 20 ms steps
        AssertNeverBackwards(chunks);
        foreach (var chunk in chunks.Skip(1))
        {
            // The ramp's value says which input sample this is.
            var nominal = chunk.Samples[0] / 0.9 * seconds;
            var truth = Qpc0 + (nominal * (1 + (ppm / 1e6))); // where the capture clock puts that sample
            Assert.InRange(chunk.PtsSeconds - truth, -0.022, 0.022);
        }
    }

    [Fact]
    public void SilentPackets_AreSilenceWhateverTheirBytes()
    {
        var format = WaveFormat.CreateIeeeFloatWaveFormat(48000, 1);
        var chunker = new MicrophoneChunker(format);
        var noise = Enumerable.Range(0, 480).Select(i => (float)Math.Sin(i)).ToArray();

        var chunks = new List<AudioChunkEvent>();
        for (var k = 0; k < 20; k++)
        {
            chunks.AddRange(chunker.Add(MemoryMarshal.AsBytes(noise.AsSpan()), Qpc0 + (k * 0.01), silent: true, discontinuity: false, Arrival));
        }

        Assert.NotEmpty(chunks);
        Assert.All(chunks.SelectMany(c => c.Samples), s => Assert.Equal(0f, s));
    }

    [Fact]
    public void UnsupportedFormat_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new MicrophoneChunker(WaveFormat.CreateALawFormat(8000, 1)));

    private static WaveFormat Format(string kind, int rate, int channels) => kind switch
    {
        "float-ext" => WaveFormatExtensible(rate, channels),
        "float" => WaveFormat.CreateIeeeFloatWaveFormat(rate, channels),
        "pcm16" => new WaveFormat(rate, 16, channels),
        _ => new WaveFormat(rate, 24, channels),
    };

    /// <summary>WASAPI's usual shared-mode mix format: WAVEFORMATEXTENSIBLE with the IEEE float subformat.</summary>
    private static WaveFormatExtensible WaveFormatExtensible(int rate, int channels) => new(rate, 32, channels);

    /// <summary>One array per channel, all the same sine.</summary>
    private static float[][] Sine(int rate, double seconds, double frequency, double amplitude)
    {
        var samples = Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();
        return [samples];
    }

    /// <summary>
    /// Cuts the signal into packets of <paramref name="packetSeconds"/> in <paramref name="format"/> (every channel the
    /// same) and feeds them with capture times Qpc0 + nominal time + offsets[k].
    /// </summary>
    private static List<AudioChunkEvent> Feed(
        MicrophoneChunker chunker, WaveFormat format, float[][] signal, double[] offsets, double packetSeconds, int discontinuityAt = -1)
    {
        var mono = signal[0];
        var perPacket = (int)Math.Round(format.SampleRate * packetSeconds);
        var chunks = new List<AudioChunkEvent>();
        for (var k = 0; (k + 1) * perPacket <= mono.Length; k++)
        {
            var packet = Encode(format, mono.AsSpan(k * perPacket, perPacket));
            var at = Qpc0 + (k * packetSeconds) + (k < offsets.Length ? offsets[k] : offsets[^1]);
            chunks.AddRange(chunker.Add(packet, at, silent: false, discontinuity: k == discontinuityAt, Arrival));
        }

        return chunks;
    }

    private static byte[] Encode(WaveFormat format, ReadOnlySpan<float> mono)
    {
        var bytesPerSample = format.BitsPerSample / 8;
        var bytes = new byte[mono.Length * format.Channels * bytesPerSample];
        var isFloat = format.Encoding == WaveFormatEncoding.IeeeFloat || format is WaveFormatExtensible;
        for (var i = 0; i < mono.Length; i++)
        {
            for (var c = 0; c < format.Channels; c++)
            {
                var at = ((i * format.Channels) + c) * bytesPerSample;
                if (isFloat)
                {
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), mono[i]);
                }
                else if (bytesPerSample == 2)
                {
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), (short)Math.Round(mono[i] * short.MaxValue));
                }
                else
                {
                    var value = (int)Math.Round(mono[i] * 8388607);
                    bytes[at] = (byte)value;
                    bytes[at + 1] = (byte)(value >> 8);
                    bytes[at + 2] = (byte)(value >> 16);
                }
            }
        }

        return bytes;
    }

    private static double Rms(ReadOnlySpan<float> samples)
    {
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    private static void AssertNeverBackwards(List<AudioChunkEvent> chunks)
    {
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].PtsSeconds >= chunks[i - 1].EndSeconds - 1e-9, $"chunk {i} starts at {chunks[i].PtsSeconds}, before {chunks[i - 1].EndSeconds}");
        }
    }
}
