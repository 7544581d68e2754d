using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;

namespace Avts.Training.Training;

/// <summary>
/// A video's lip track and frame times on disk, so that training runs after the first skip face tracking (about 3 ms
/// a frame). Little-endian binary: magic, version, the source's size and time stamp (a changed source is tracked
/// again), the frame times, then the lip frames.
/// </summary>
internal static class LipTrackFile
{
    private const int Magic = 0x50494C41; // "ALIP"
    private const int Version = 1;

    /// <summary>What a file holds: the frame times of the decoded video and the chosen face's lip track (null: no face).</summary>
    public sealed record Content(double[] FrameTimes, LipTrack? Track, int DecodeWidth);

    /// <summary>The file for <paramref name="source"/> under <paramref name="folder"/> (its name hashes the source's full path and crop size).</summary>
    public static string PathFor(string folder, string source, int cropSize)
    {
        var key = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetFullPath(source)}|{cropSize}"));
        return System.IO.Path.Combine(folder, Convert.ToHexString(key, 0, 12) + ".lips");
    }

    /// <summary>Reads <paramref name="path"/> when it was written for <paramref name="source"/> as it is now; null otherwise.</summary>
    public static Content? Read(string path, string source)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var info = new FileInfo(source);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version
                || reader.ReadInt64() != info.Length || reader.ReadInt64() != info.LastWriteTimeUtc.Ticks)
            {
                return null;
            }

            var decodeWidth = reader.ReadInt32();
            var times = new double[reader.ReadInt32()];
            for (var i = 0; i < times.Length; i++)
            {
                times[i] = reader.ReadDouble();
            }

            var trackId = reader.ReadInt32();
            var frames = new List<LipFrame>(reader.ReadInt32());
            for (var f = frames.Capacity; f > 0; f--)
            {
                var index = reader.ReadInt32();
                var time = reader.ReadDouble();
                var points = ReadFloats(reader);
                var cropSize = reader.ReadInt32();
                var crop = ReadFloats(reader);
                var size = reader.ReadDouble();
                var box = new FaceBox(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
                frames.Add(new LipFrame(index, time, points, crop, cropSize, size, box));
            }

            return new Content(times, trackId < 0 ? null : new LipTrack(trackId, frames), decodeWidth);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or ArgumentException)
        {
            // A torn or foreign file is tracked again.
            return null;
        }
    }

    /// <summary>Writes <paramref name="content"/> for <paramref name="source"/> to <paramref name="path"/> (atomically).</summary>
    public static void Write(string path, string source, Content content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            var info = new FileInfo(source);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(info.Length);
            writer.Write(info.LastWriteTimeUtc.Ticks);
            writer.Write(content.DecodeWidth);
            writer.Write(content.FrameTimes.Length);
            foreach (var time in content.FrameTimes)
            {
                writer.Write(time);
            }

            writer.Write(content.Track?.TrackId ?? -1);
            writer.Write(content.Track?.Frames.Count ?? 0);
            foreach (var frame in content.Track?.Frames ?? [])
            {
                writer.Write(frame.FrameIndex);
                writer.Write(frame.TimestampSeconds);
                WriteFloats(writer, frame.MouthPoints);
                writer.Write(frame.CropSize);
                WriteFloats(writer, frame.MouthCrop);
                writer.Write(frame.FaceSize);
                writer.Write(frame.Face.Left);
                writer.Write(frame.Face.Top);
                writer.Write(frame.Face.Right);
                writer.Write(frame.Face.Bottom);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 1 << 16)
        {
            throw new ArgumentException("implausible float count in a lip track file");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
