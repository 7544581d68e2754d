using System.Runtime.InteropServices;
using System.Text;
using Avts.Engine.Media;

namespace Avts.Training.Index;

/// <summary>
/// The binary layout of <c>avts-cache.bin</c> (little-endian throughout, documented in training/README.md). Header:
/// magic <c>AVTSCLIP</c>, u32 version, 64 ASCII hex chars of the preprocessing hash. Then records, each: u32 magic
/// <c>CLIP</c>, i32 path byte count + UTF-8 path, f64 first-frame PTS, i32 frame count, i32 width, i32 height, f64
/// source mean fps, f64[frames] frame PTS, i32 sample rate, i32 sample count, f64 audio start PTS, f64 priming
/// correction, u8[frames·width·height] grey pixels, f32[samples] mono PCM.
/// </summary>
public static class ClipRecordFormat
{
    /// <summary>Format version; bump on any layout change (it is part of the preprocessing hash).</summary>
    public const int Version = 1;

    /// <summary>Data file name inside the cache folder.</summary>
    public const string DataFileName = "avts-cache.bin";

    /// <summary>Manifest file name inside the cache folder (its presence marks a folder as a cache).</summary>
    public const string ManifestFileName = "avts-cache.json";

    /// <summary>Header length in bytes.</summary>
    public const int HeaderBytes = 8 + 4 + 64;

    private const uint RecordMagic = 0x50494C43; // "CLIP" read as a little-endian u32.
    private static readonly byte[] FileMagic = "AVTSCLIP"u8.ToArray();

    /// <summary>Writes the file header for <paramref name="hash"/>.</summary>
    public static void WriteHeader(Stream stream, string hash)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(hash);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(FileMagic);
        writer.Write(Version);
        writer.Write(Encoding.ASCII.GetBytes(hash.PadRight(64)[..64]));
    }

    /// <summary>Reads the header; returns the preprocessing hash, or null when the magic or version is wrong.</summary>
    public static string? ReadHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderBytes];
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes
            || !header.AsSpan(0, 8).SequenceEqual(FileMagic)
            || BitConverter.ToInt32(header, 8) != Version)
        {
            return null;
        }

        return Encoding.ASCII.GetString(header, 12, 64);
    }

    /// <summary>Appends one record at the stream's position; returns its length in bytes.</summary>
    public static long WriteRecord(Stream stream, string path, VideoTrack video, AudioTrack audio)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(audio);
        RequireLittleEndian();
        var start = stream.Position;
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var pathBytes = Encoding.UTF8.GetBytes(path);
        writer.Write(RecordMagic);
        writer.Write(pathBytes.Length);
        writer.Write(pathBytes);
        writer.Write(video.StartSeconds);
        writer.Write(video.FrameCount);
        writer.Write(video.Width);
        writer.Write(video.Height);
        var span = video.TimestampsSeconds[^1] - video.TimestampsSeconds[0];
        writer.Write(video.FrameCount > 1 && span > 0 ? (video.FrameCount - 1) / span : 0.0);
        writer.Write(MemoryMarshal.AsBytes(video.TimestampsSeconds.AsSpan()));
        writer.Write(audio.SampleRate);
        writer.Write(audio.Samples.Length);
        writer.Write(audio.StartSeconds);
        writer.Write(audio.PrimingCorrectionSeconds);
        writer.Write(video.FramePixels);
        writer.Write(MemoryMarshal.AsBytes(audio.Samples.AsSpan()));
        writer.Flush();
        return stream.Position - start;
    }

    /// <summary>Reads the record at the stream's position; throws <see cref="InvalidDataException"/> when it is not one for <paramref name="expectedPath"/>.</summary>
    public static (VideoTrack Video, AudioTrack Audio) ReadRecord(Stream stream, string expectedPath)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RequireLittleEndian();
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != RecordMagic)
        {
            throw new InvalidDataException("no clip record at the manifest's offset");
        }

        var path = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
        if (!string.Equals(path, expectedPath, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the record at the manifest's offset is for '{path}', not '{expectedPath}'");
        }

        _ = reader.ReadDouble(); // First-frame PTS: the timestamps below carry it.
        var frames = reader.ReadInt32();
        var width = reader.ReadInt32();
        var height = reader.ReadInt32();
        _ = reader.ReadDouble(); // Mean source fps: informational.
        if (frames < 0 || width <= 0 || height <= 0 || (long)frames * width * height > int.MaxValue)
        {
            throw new InvalidDataException($"record for '{path}' has an impossible size {frames}x{width}x{height}");
        }

        var times = new double[frames];
        stream.ReadExactly(MemoryMarshal.AsBytes(times.AsSpan()));
        var sampleRate = reader.ReadInt32();
        var sampleCount = reader.ReadInt32();
        var audioStart = reader.ReadDouble();
        var priming = reader.ReadDouble();
        if (sampleRate <= 0 || sampleCount < 0)
        {
            throw new InvalidDataException($"record for '{path}' has {sampleCount} samples at {sampleRate} Hz");
        }

        var pixels = new byte[frames * width * height];
        stream.ReadExactly(pixels);
        var samples = new float[sampleCount];
        stream.ReadExactly(MemoryMarshal.AsBytes(samples.AsSpan()));
        return (new VideoTrack(width, height, pixels, times), new AudioTrack(samples, sampleRate, audioStart) { PrimingCorrectionSeconds = priming });
    }

    private static void RequireLittleEndian()
    {
        // The bulk arrays are copied as memory; a big-endian host would need byte swaps the format does not do.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the clip cache format is little-endian; this host is big-endian");
        }
    }
}
