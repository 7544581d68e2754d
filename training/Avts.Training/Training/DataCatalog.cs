using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Index;

namespace Avts.Training.Training;

/// <summary>
/// The videos named by a list of data folders. A folder is either searched for video files (decoded when loaded) or,
/// when it holds an <c>avts-cache.json</c>, a clip cache from <c>avts-train corpus index</c> whose clips are read from
/// disk; cached videos keep their source paths, so splits and <c>validation_files</c> work the same for both.
/// </summary>
public sealed class DataCatalog
{
    private readonly Dictionary<string, (DiskClipCache Cache, CacheClipEntry Entry)> cached;

    private DataCatalog(List<string> files, Dictionary<string, (DiskClipCache Cache, CacheClipEntry Entry)> cached)
    {
        Files = files;
        this.cached = cached;
    }

    /// <summary>A catalog with no caches (every file is decoded).</summary>
    public static DataCatalog Empty { get; } = new([], new Dictionary<string, (DiskClipCache, CacheClipEntry)>(StringComparer.Ordinal));

    /// <summary>All videos, folder by folder, each sorted ordinally; a path listed twice is kept once.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>How many of <see cref="Files"/> come from clip caches.</summary>
    public int CachedCount => cached.Count;

    /// <summary>
    /// Lists <paramref name="folders"/>; a cache must have been built for <paramref name="options"/> and, when given,
    /// <paramref name="decodeWidth"/> (null accepts the cache's own width). Throws <see cref="TrainingDataException"/>
    /// for a missing or empty folder, an unusable cache or one built with other preprocessing.
    /// </summary>
    public static DataCatalog Find(IEnumerable<string> folders, AvtsModelOptions options, int? decodeWidth)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cached = new Dictionary<string, (DiskClipCache, CacheClipEntry)>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (Directory.Exists(folder) && ManifestStore.IsCache(folder))
            {
                var cache = DiskClipCache.Open(folder);
                var made = cache.Manifest.Preprocessing;
                cache.Require(CachePreprocessing.For(options, decodeWidth ?? made.DecodeWidth, made.MaxSeconds, made.Seed));
                if (cache.Manifest.Clips.Count == 0)
                {
                    throw new TrainingDataException($"cache '{folder}' holds no clips ({cache.Manifest.Skipped.Count} sources skipped)");
                }

                foreach (var entry in cache.Manifest.Clips.OrderBy(c => c.Path, StringComparer.Ordinal))
                {
                    if (seen.Add(entry.Path))
                    {
                        files.Add(entry.Path);
                        cached[entry.Path] = (cache, entry);
                    }
                }
            }
            else
            {
                files.AddRange(ClipCache.FindVideos([folder]).Where(seen.Add));
            }
        }

        return new DataCatalog(files, cached);
    }

    /// <summary>The cached tracks of <paramref name="file"/>, or null when it is not in a cache (decode it instead).</summary>
    public (VideoTrack Video, AudioTrack Audio)? ReadCached(string file) =>
        cached.TryGetValue(file, out var hit) ? hit.Cache.Read(hit.Entry) : null;
}
