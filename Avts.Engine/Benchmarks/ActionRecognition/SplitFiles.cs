namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>Small helpers the split-file readers share: finding folders and reading non-empty lines.</summary>
internal static class SplitFiles
{
    /// <summary>The first of <paramref name="candidates"/> (relative to <paramref name="root"/>) that is a folder, or null.</summary>
    public static string? FirstFolder(string root, params string[] candidates) =>
        candidates.Select(c => Path.Combine(root, c)).FirstOrDefault(Directory.Exists);

    /// <summary>The trimmed non-empty lines of <paramref name="path"/>, or a layout error naming the missing file.</summary>
    public static List<string> Lines(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new DatasetLayoutException($"{what} is missing: {path}");
        }

        return [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)];
    }

    /// <summary>Throws a layout error when <paramref name="folder"/> does not exist.</summary>
    public static string RequireFolder(string folder, string what) =>
        Directory.Exists(folder) ? Path.GetFullPath(folder) : throw new DatasetLayoutException($"{what} does not exist: {folder}");
}
