namespace Avts.Training.Index;

/// <summary>
/// The cache's index (<c>avts-cache.json</c>): format, preprocessing and its hash, how many bytes of the data file are
/// committed, and every indexed or skipped source. Rewritten atomically (temp + rename) after data is fsynced, so the
/// manifest never points past what is on disk.
/// </summary>
public sealed record CacheManifest
{
    /// <summary>Format name written to every manifest.</summary>
    public const string FormatName = "avts-clip-cache";

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Format version (<see cref="ClipRecordFormat.Version"/>).</summary>
    public int Version { get; init; } = ClipRecordFormat.Version;

    /// <summary>The parameters the clips were made with.</summary>
    public CachePreprocessing Preprocessing { get; init; } = new();

    /// <summary><see cref="CachePreprocessing.Hash"/> of <see cref="Preprocessing"/> (also in the data file header).</summary>
    public string PreprocessingHash { get; init; } = "";

    /// <summary>Name of the data file next to the manifest.</summary>
    public string DataFile { get; init; } = ClipRecordFormat.DataFileName;

    /// <summary>Committed length of the data file; bytes after it are an interrupted append and are cut on resume.</summary>
    public long DataBytes { get; init; }

    /// <summary>Indexed sources in indexing order.</summary>
    public List<CacheClipEntry> Clips { get; init; } = [];

    /// <summary>Sources skipped with their reasons.</summary>
    public List<CacheSkipEntry> Skipped { get; init; } = [];
}
