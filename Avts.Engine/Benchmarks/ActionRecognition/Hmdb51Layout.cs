using System.Globalization;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Reads an HMDB51 split from the official layout: videos in <c>DIR/&lt;class&gt;/&lt;name&gt;.avi</c> (or under
/// <c>DIR/hmdb51_org/</c> or <c>DIR/videos/</c>), split files <c>DIR/testTrainMulti_7030_splits/&lt;class&gt;_test_splitN.txt</c>
/// with lines "&lt;name&gt;.avi 1|2|0" (1 = train, 2 = test, 0 = unused). Classes are the split files' class names in
/// ordinal order (HMDB51 has no class index file).
/// </summary>
public static class Hmdb51Layout
{
    /// <summary>The benchmark's name.</summary>
    public const string Name = "hmdb51";

    /// <summary>Folder of the split files under the data folder.</summary>
    public const string SplitFolder = "testTrainMulti_7030_splits";

    /// <summary>Reads split <paramref name="split"/> (1..3) under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="DatasetLayoutException">A folder or split file is missing or a line is malformed.</exception>
    public static ActionSplit Load(string dataDirectory, int split)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(split, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(split, 3);
        var root = SplitFiles.RequireFolder(dataDirectory, "HMDB51 data folder");
        var lists = SplitFiles.FirstFolder(root, SplitFolder, Path.Combine("test_train_splits", SplitFolder))
            ?? throw new DatasetLayoutException($"HMDB51 split files are missing: no {SplitFolder}/ folder in {root} (unpack test_train_splits.rar there)");
        var suffix = string.Create(CultureInfo.InvariantCulture, $"_test_split{split}.txt");
        var files = Directory.EnumerateFiles(lists, "*" + suffix).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new DatasetLayoutException($"HMDB51 split {split} is missing: no <class>{suffix} files in {lists}");
        }

        var classes = files.Select(f => Path.GetFileName(f)[..^suffix.Length]).ToList();
        var videoRoot = SplitFiles.FirstFolder(root, "hmdb51_org", "videos") ?? root;
        var train = new List<ActionVideo>();
        var test = new List<ActionVideo>();
        for (var label = 0; label < classes.Count; label++)
        {
            foreach (var line in SplitFiles.Lines(files[label], "HMDB51 split file"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || parts[1] is not ("0" or "1" or "2"))
                {
                    throw new DatasetLayoutException($"{files[label]}: expected \"<name>.avi 0|1|2\", got \"{line}\"");
                }

                var video = new ActionVideo($"{classes[label]}/{parts[0]}", Path.Combine(videoRoot, classes[label], parts[0]), label);
                (parts[1] == "1" ? train : parts[1] == "2" ? test : null)?.Add(video);
            }
        }

        return new ActionSplit(Name, split, classes, train, test, videoRoot);
    }
}
