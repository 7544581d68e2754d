using System.Collections.Concurrent;

namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Landmark models loaded once per process and path: the 68-point model is 100 MB and takes most of a second to read,
/// and every check (a bench of hundreds of copies, a QA queue) creates its estimator anew. A predictor is immutable and
/// thread-safe, so sharing it is safe.
/// </summary>
public static class LandmarkModels
{
    private static readonly ConcurrentDictionary<string, Lazy<ShapePredictor>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The predictor at <paramref name="path"/>, loaded on first use (a failed load is not kept: the next call retries).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="LandmarkModelException">The file is not a usable dlib shape predictor.</exception>
    public static ShapePredictor Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var key = Path.GetFullPath(path);
        var entry = Loaded.GetOrAdd(key, k => new Lazy<ShapePredictor>(() => ShapePredictor.Load(k)));
        try
        {
            return entry.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<string, Lazy<ShapePredictor>>(key, entry));
            throw;
        }
    }
}
