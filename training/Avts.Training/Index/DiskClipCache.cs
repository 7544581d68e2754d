using Avts.Engine.Media;
using Avts.Training.Training;

namespace Avts.Training.Index;

/// <summary>
/// A clip cache folder opened for reading: the manifest, checked against the data file's header, and record reads by
/// entry. The stored tracks are square grey frames at the model's input size with their source PTS and mono audio with
/// its start PTS, so AvtsInputs cuts clips from them exactly as from freshly decoded tracks.
/// </summary>
public sealed class DiskClipCache
{
    private DiskClipCache(string folder, CacheManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    /// <summary>The cache folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The manifest.</summary>
    public CacheManifest Manifest { get; }

    private string DataPath => Path.Combine(Folder, Manifest.DataFile);

    /// <summary>Opens the cache in <paramref name="folder"/>; throws <see cref="TrainingDataException"/> with one line when it is not a usable cache.</summary>
    public static DiskClipCache Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        var manifest = ManifestStore.Read(full) ?? throw new TrainingDataException($"'{folder}' is not a clip cache (no {ClipRecordFormat.ManifestFileName})");
        var cache = new DiskClipCache(full, manifest);
        var hash = manifest.Preprocessing.Hash();
        if (!string.Equals(hash, manifest.PreprocessingHash, StringComparison.Ordinal))
        {
            throw new TrainingDataException($"cache '{folder}': its preprocessing hash does not match its parameters (edited by hand?); rebuild it");
        }

        try
        {
            using var stream = File.OpenRead(cache.DataPath);
            if (ClipRecordFormat.ReadHeader(stream) != hash || stream.Length < manifest.DataBytes)
            {
                throw new TrainingDataException($"cache '{folder}': {manifest.DataFile} does not belong to this manifest or is shorter than it says");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"cache '{folder}': cannot read {manifest.DataFile}: {ex.Message}", ex);
        }

        return cache;
    }

    /// <summary>Throws <see cref="TrainingDataException"/> naming every parameter that differs when the cache was not built with <paramref name="wanted"/>.</summary>
    public void Require(CachePreprocessing wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.Hash() != Manifest.PreprocessingHash)
        {
            var differences = Manifest.Preprocessing.DifferencesFrom(wanted);
            throw new TrainingDataException($"cache '{Folder}' was built with other preprocessing ({string.Join("; ", differences)}); rebuild it with avts-train corpus index for this model");
        }
    }

    /// <summary>Reads the tracks of <paramref name="entry"/>; throws <see cref="TrainingDataException"/> when the record is damaged.</summary>
    public (VideoTrack Video, AudioTrack Audio) Read(CacheClipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var stream = new FileStream(DataPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            stream.Position = entry.Offset;
            return ClipRecordFormat.ReadRecord(stream, entry.Path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            throw new TrainingDataException($"cache '{Folder}': record for '{entry.Path}' is damaged: {ex.Message}", ex);
        }
    }
}
