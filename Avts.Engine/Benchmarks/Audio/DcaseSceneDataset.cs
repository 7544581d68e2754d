using System.Globalization;
using System.Text.RegularExpressions;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Loads the DCASE2013 acoustic scene classification development set (the "DCASE2014" benchmark of SoundNet and
/// AVTS: 10 scenes × 10 recordings of 30 s, files <c>bus01.wav</c> … <c>tubestation10.wav</c>, released as
/// <c>scenes_stereo/</c>), with its folds taken from one of two places:
/// <list type="bullet">
/// <item><c>evaluation_setup/foldN_test.txt</c> lists (N = 1, 2, …; one clip per line, a path relative to the data
/// folder, optionally followed by a tab or comma and the label, as in later DCASE releases): a clip listed in
/// foldN_test is tested in fold N;</item>
/// <item>otherwise the scene/number file names, in <c>DIR/</c> or <c>DIR/scenes_stereo/</c>: each scene's recordings,
/// sorted by number, are split into <see cref="DefaultFoldCount"/> contiguous groups (01-02 → fold 1, 03-04 → fold
/// 2, … for 10 per scene), so every fold holds every scene equally and neighbouring takes stay together.</item>
/// </list>
/// </summary>
public static partial class DcaseSceneDataset
{
    /// <summary>Folds made from file names when no evaluation_setup lists are given (the challenge's 5-fold CV).</summary>
    public const int DefaultFoldCount = 5;

    /// <summary>Reads the folds and labels of <paramref name="directory"/> and checks every clip exists.</summary>
    /// <exception cref="IOException">Nothing usable found, a malformed list, or missing clips (one-line message).</exception>
    public static AudioDataset Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such folder.");
        }

        var setup = Path.Combine(directory, "evaluation_setup");
        var lists = Directory.Exists(setup)
            ? Directory.GetFiles(setup, "fold*_test.txt").Order(StringComparer.Ordinal).ToList()
            : [];
        var (clips, description) = lists.Count > 0 ? FromLists(directory, lists) : FromFileNames(directory);
        AudioDataset.RequireFiles(description, clips);
        return new AudioDataset(description, clips);
    }

    private static (List<AudioClip>, string) FromLists(string directory, List<string> lists)
    {
        var clips = new List<AudioClip>();
        foreach (var list in lists)
        {
            var name = Path.GetFileName(list);
            var match = FoldListName().Match(name);
            if (!match.Success)
            {
                throw new IOException($"{list}: expected a name like fold1_test.txt.");
            }

            var fold = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            foreach (var line in File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var cells = line.Split(['\t', ','], StringSplitOptions.TrimEntries);
                var path = Path.Combine(directory, cells[0]);
                var label = cells.Length > 1 && cells[1].Length > 0 ? cells[1] : SceneOf(Path.GetFileName(cells[0]), list);
                clips.Add(new AudioClip(path, label, fold));
            }
        }

        var twice = clips.GroupBy(c => c.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new IOException($"{directory}/evaluation_setup: {twice.Key} is in more than one test list.");
        }

        return (clips, $"DCASE2013 scenes at {directory} (folds from evaluation_setup/fold*_test.txt)");
    }

    private static (List<AudioClip>, string) FromFileNames(string directory)
    {
        var nested = Path.Combine(directory, "scenes_stereo");
        var folder = Directory.Exists(nested) ? nested : directory;
        var recordings = Directory.GetFiles(folder, "*.wav")
            .Select(path => (Path: path, Match: RecordingName().Match(Path.GetFileName(path))))
            .Where(r => r.Match.Success)
            .Select(r => (r.Path, Scene: r.Match.Groups[1].Value.ToLowerInvariant(), Number: int.Parse(r.Match.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        if (recordings.Count == 0)
        {
            throw new FileNotFoundException(
                $"{directory}: no evaluation_setup/fold*_test.txt and no scene recordings named like bus01.wav in it or in scenes_stereo/.", folder);
        }

        var clips = new List<AudioClip>();
        foreach (var scene in recordings.GroupBy(r => r.Scene, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var sorted = scene.OrderBy(r => r.Number).ToList();
            if (sorted.Count < DefaultFoldCount)
            {
                throw new IOException($"{folder}: scene '{scene.Key}' has {sorted.Count} recordings; {DefaultFoldCount} folds need at least {DefaultFoldCount}.");
            }

            for (var i = 0; i < sorted.Count; i++)
            {
                clips.Add(new AudioClip(sorted[i].Path, scene.Key, 1 + (i * DefaultFoldCount / sorted.Count)));
            }
        }

        return (clips, $"DCASE2013 scenes at {folder} ({DefaultFoldCount} folds by recording number within each scene)");
    }

    private static string SceneOf(string fileName, string list)
    {
        var match = RecordingName().Match(fileName);
        return match.Success
            ? match.Groups[1].Value.ToLowerInvariant()
            : throw new IOException($"{list}: '{fileName}' has no label column and its name is not scene + number (e.g. bus01.wav).");
    }

    [GeneratedRegex(@"^fold(\d+)_test\.txt$", RegexOptions.IgnoreCase)]
    private static partial Regex FoldListName();

    [GeneratedRegex(@"^([A-Za-z]+)(\d+)\.wav$", RegexOptions.IgnoreCase)]
    private static partial Regex RecordingName();
}
