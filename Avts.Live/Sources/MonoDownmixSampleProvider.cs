using NAudio.Wave;

namespace Avts.Live.Sources;

/// <summary>
/// Averages the channels of an interleaved NAudio sample provider into one (any channel count; NAudio's own ToMono
/// takes stereo only). A microphone array's channels carry the same sound, so their mean keeps its level.
/// </summary>
internal sealed class MonoDownmixSampleProvider : ISampleProvider
{
    private readonly ISampleProvider source;
    private readonly int channels;
    private float[] interleaved = [];

    /// <summary>Downmixes <paramref name="source"/>.</summary>
    public MonoDownmixSampleProvider(ISampleProvider source)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        channels = source.WaveFormat.Channels;
        WaveFormat = WaveFormat.CreateIeeeFloatWaveFormat(source.WaveFormat.SampleRate, 1);
    }

    /// <summary>Mono IEEE float at the source's rate.</summary>
    public WaveFormat WaveFormat { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length mono samples; returns how many.</summary>
    public int Read(Span<float> buffer)
    {
        var wanted = buffer.Length * channels;
        if (interleaved.Length < wanted)
        {
            interleaved = new float[wanted];
        }

        var read = source.Read(interleaved.AsSpan(0, wanted)) / channels;
        var scale = 1f / channels;
        for (var frame = 0; frame < read; frame++)
        {
            var sum = 0f;
            var first = frame * channels;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += interleaved[first + channel];
            }

            buffer[frame] = sum * scale;
        }

        return read;
    }
}
