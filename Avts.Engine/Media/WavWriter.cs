using System.Buffers.Binary;

namespace Avts.Engine.Media;

/// <summary>Writes mono 32-bit float WAV files (lossless for decoded audio).</summary>
public static class WavWriter
{
    /// <summary>Writes <paramref name="samples"/> as a mono IEEE-float WAV at <paramref name="sampleRate"/> Hz.</summary>
    public static void WriteMonoFloat(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        const int BytesPerSample = 4;
        var dataBytes = checked(samples.Length * BytesPerSample);
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 3); // WAVE_FORMAT_IEEE_FLOAT
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), sampleRate * BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 32);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), dataBytes);

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(header);
        var buffer = new byte[dataBytes];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(i * BytesPerSample), samples[i]);
        }

        stream.Write(buffer);
    }
}
