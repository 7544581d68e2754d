namespace Avts.Training.Index;

/// <summary>One indexed source in the cache manifest: where its record lies in the data file and what it holds.</summary>
public sealed record CacheClipEntry
{
    /// <summary>Full path of the source video (the key the trainer splits and names videos by).</summary>
    public string Path { get; init; } = "";

    /// <summary>Source size in bytes when indexed (with <see cref="MtimeUtc"/>, decides whether a rerun skips it).</summary>
    public long Size { get; init; }

    /// <summary>Source last-write time (UTC) when indexed.</summary>
    public DateTime MtimeUtc { get; init; }

    /// <summary>Byte offset of the record in the data file.</summary>
    public long Offset { get; init; }

    /// <summary>Record length in bytes.</summary>
    public long Length { get; init; }

    /// <summary>Stored frames.</summary>
    public int Frames { get; init; }

    /// <summary>Presentation time of the first frame, in seconds.</summary>
    public double VideoStartS { get; init; }

    /// <summary>Stored audio samples.</summary>
    public int Samples { get; init; }

    /// <summary>Presentation time of the first audio sample, in seconds.</summary>
    public double AudioStartS { get; init; }
}
