using System.Globalization;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Reads a UCF101 split from the official layout: videos in <c>DIR/UCF-101/&lt;Class&gt;/v_&lt;Class&gt;_gNN_cNN.avi</c>
/// (or <c>DIR/&lt;Class&gt;/…</c>), split files in <c>DIR/ucfTrainTestlist/</c>: <c>classInd.txt</c> ("1 ApplyEyeMakeup"),
/// <c>trainlist0N.txt</c> ("ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1", label 1-based) and <c>testlist0N.txt</c>
/// ("ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi", the label follows from the class folder).
/// </summary>
public static class Ucf101Layout
{
    /// <summary>The benchmark's name.</summary>
    public const string Name = "ucf101";

    /// <summary>Folder of the split files under the data folder.</summary>
    public const string SplitFolder = "ucfTrainTestlist";

    /// <summary>Reads split <paramref name="split"/> (1..3) under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="DatasetLayoutException">A folder or split file is missing or a line is malformed.</exception>
    public static ActionSplit Load(string dataDirectory, int split)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(split, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(split, 3);
        var root = SplitFiles.RequireFolder(dataDirectory, "UCF101 data folder");
        var lists = Path.Combine(root, SplitFolder);
        if (!Directory.Exists(lists))
        {
            throw new DatasetLayoutException($"UCF101 split files are missing: no {SplitFolder}/ folder in {root} (unpack UCF101TrainTestSplits-RecognitionTask.zip there)");
        }

        var classes = ReadClassIndex(Path.Combine(lists, "classInd.txt"));
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < classes.Count; i++)
        {
            byName[classes[i]] = i;
        }

        var videoRoot = SplitFiles.FirstFolder(root, "UCF-101", "videos") ?? root;
        var number = split.ToString("00", CultureInfo.InvariantCulture);
        var trainPath = Path.Combine(lists, $"trainlist{number}.txt");
        var testPath = Path.Combine(lists, $"testlist{number}.txt");
        var train = SplitFiles.Lines(trainPath, "UCF101 train list").Select(line => TrainVideo(line, trainPath, classes.Count, byName, videoRoot)).ToList();
        var test = SplitFiles.Lines(testPath, "UCF101 test list").Select(line => Video(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], testPath, byName, videoRoot)).ToList();
        return new ActionSplit(Name, split, classes, train, test, videoRoot);
    }

    /// <summary>Class names in label order from <c>classInd.txt</c> ("1 ApplyEyeMakeup" per line, labels 1..N in order).</summary>
    public static List<string> ReadClassIndex(string path)
    {
        var classes = new List<string>();
        foreach (var line in SplitFiles.Lines(path, "UCF101 class index"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index != classes.Count + 1)
            {
                throw new DatasetLayoutException($"{path}: expected \"{classes.Count + 1} ClassName\", got \"{line}\"");
            }

            classes.Add(parts[1]);
        }

        return classes;
    }

    private static ActionVideo TrainVideo(string line, string listPath, int classCount, Dictionary<string, int> byName, string videoRoot)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 1 || label > classCount)
        {
            throw new DatasetLayoutException($"{listPath}: expected \"Class/v_Class_gNN_cNN.avi LABEL\" with LABEL in 1..{classCount}, got \"{line}\"");
        }

        var video = Video(parts[0], listPath, byName, videoRoot);
        return video.Label == label - 1
            ? video
            : throw new DatasetLayoutException($"{listPath}: \"{line}\" has label {label} but its folder is class {video.Label + 1} in classInd.txt");
    }

    private static ActionVideo Video(string name, string listPath, Dictionary<string, int> byName, string videoRoot)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);

        // The official lists spell some class folders in another case than classInd.txt (HandstandPushups): match ignoring case.
        if (slash <= 0 || !byName.TryGetValue(name[..slash], out var label))
        {
            throw new DatasetLayoutException($"{listPath}: \"{name}\" does not start with a class folder listed in classInd.txt");
        }

        return new ActionVideo(name, Path.Combine(videoRoot, name.Replace('/', Path.DirectorySeparatorChar)), label);
    }
}
