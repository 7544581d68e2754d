namespace Avts.Training.Index;

/// <summary>A source the indexer could not use, with the one-line reason (kept so reruns do not retry it).</summary>
public sealed record CacheSkipEntry
{
    /// <summary>Full path of the source.</summary>
    public string Path { get; init; } = "";

    /// <summary>Source size in bytes when tried.</summary>
    public long Size { get; init; }

    /// <summary>Source last-write time (UTC) when tried.</summary>
    public DateTime MtimeUtc { get; init; }

    /// <summary>Why it was skipped (not media, no audio, no video, too short...).</summary>
    public string Reason { get; init; } = "";
}
