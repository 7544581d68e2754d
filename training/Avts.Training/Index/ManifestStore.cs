using System.Text.Json;
using Avts.Training.Training;

namespace Avts.Training.Index;

/// <summary>Reads and atomically rewrites a cache folder's <c>avts-cache.json</c>.</summary>
public static class ManifestStore
{
    /// <summary>The manifest path of <paramref name="folder"/>.</summary>
    public static string PathOf(string folder) => Path.Combine(folder, ClipRecordFormat.ManifestFileName);

    /// <summary>Whether <paramref name="folder"/> holds a clip cache (a manifest at its root).</summary>
    public static bool IsCache(string folder) => File.Exists(PathOf(folder));

    /// <summary>The manifest of <paramref name="folder"/>, or null when there is none; throws <see cref="TrainingDataException"/> when it is unreadable or of another format or version.</summary>
    public static CacheManifest? Read(string folder)
    {
        var path = PathOf(folder);
        if (!File.Exists(path))
        {
            return null;
        }

        CacheManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllText(path), IndexJsonContext.Default.CacheManifest);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new TrainingDataException($"cache manifest '{path}' is not readable: {ex.Message}", ex);
        }

        if (manifest is null || manifest.Format != CacheManifest.FormatName)
        {
            throw new TrainingDataException($"'{path}' is not an {CacheManifest.FormatName} manifest");
        }

        if (manifest.Version != ClipRecordFormat.Version)
        {
            throw new TrainingDataException($"cache '{folder}' has format version {manifest.Version}; this build reads version {ClipRecordFormat.Version} (rebuild it with avts-train corpus index)");
        }

        return manifest;
    }

    /// <summary>Writes <paramref name="manifest"/> to a temp file and renames it over the old one, so a crash leaves either manifest whole.</summary>
    public static void Write(string folder, CacheManifest manifest)
    {
        var path = PathOf(folder);
        var temp = path + ".partial";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, manifest, IndexJsonContext.Default.CacheManifest);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
