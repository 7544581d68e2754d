using System.Globalization;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Loads ESC-50 (Piczak 2015) or its ESC-10 subset, with the dataset's own 5 folds. Two layouts are read:
/// <list type="bullet">
/// <item>the ESC-50 release: <c>meta/esc50.csv</c> (<c>filename,fold,target,category,esc10,src_file,take</c>) and the
/// clips in <c>audio/</c>; <c>subset: "esc10"</c> keeps the rows whose <c>esc10</c> column is True;</item>
/// <item>the ESC-10 release folder: <c>esc10_index.csv</c> (<c>path,esc50_filename,fold,target,category,…</c>) whose
/// <c>path</c> is relative to the folder (e.g. <c>001 - Dog bark/1-100032-A.ogg</c>); every row is ESC-10.</item>
/// </list>
/// The label is the <c>category</c> column in both, so the two layouts of ESC-10 give the same classes.
/// </summary>
public static class Esc50Dataset
{
    /// <summary>The only subset name accepted.</summary>
    public const string Esc10Subset = "esc10";

    /// <summary>Reads the index of <paramref name="directory"/> (either layout) and checks every clip exists.</summary>
    /// <exception cref="IOException">No index, a malformed index, or missing clips (one-line message).</exception>
    public static AudioDataset Load(string directory, string? subset)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (subset is not null && !string.Equals(subset, Esc10Subset, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"unknown subset '{subset}' (known: {Esc10Subset}).", nameof(subset));
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: no such folder.");
        }

        var esc50Csv = Path.Combine(directory, "meta", "esc50.csv");
        var esc10Index = Path.Combine(directory, "esc10_index.csv");
        List<AudioClip> clips;
        string description;
        if (File.Exists(esc50Csv))
        {
            var esc10Only = subset is not null;
            clips = ReadRows(esc50Csv, ["filename", "fold", "category", "esc10"])
                .Where(row => !esc10Only || IsTrue(row["esc10"], esc50Csv))
                .Select(row => new AudioClip(Path.Combine(directory, "audio", row["filename"]), row["category"], Fold(row, esc50Csv)))
                .ToList();
            description = $"{(esc10Only ? "ESC-10 subset of ESC-50" : "ESC-50")} at {directory} (meta/esc50.csv)";
        }
        else if (File.Exists(esc10Index))
        {
            clips = ReadRows(esc10Index, ["path", "fold", "category"])
                .Select(row => new AudioClip(Path.Combine(directory, row["path"]), row["category"], Fold(row, esc10Index)))
                .ToList();
            description = $"ESC-10 at {directory} (esc10_index.csv)";
        }
        else
        {
            throw new FileNotFoundException(
                $"{directory}: neither meta/esc50.csv (ESC-50 layout) nor esc10_index.csv (ESC-10 folder) found.", esc50Csv);
        }

        AudioDataset.RequireFiles(description, clips);
        return new AudioDataset(description, clips);
    }

    /// <summary>Rows of a plain comma-separated file (the ESC indexes quote nothing) keyed by header name.</summary>
    private static IEnumerable<Dictionary<string, string>> ReadRows(string csvPath, string[] required)
    {
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new IOException($"{csvPath}: empty file.");
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var absent = required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (absent.Count > 0)
        {
            throw new IOException($"{csvPath}: header lacks column(s) {string.Join(", ", absent)} (found: {lines[0]}).");
        }

        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new IOException($"{csvPath}:{i + 1}: {cells.Length} fields, the header has {header.Length}.");
            }

            yield return header.Zip(cells, (h, c) => (h, c: c.Trim())).ToDictionary(p => p.h, p => p.c, StringComparer.Ordinal);
        }
    }

    private static bool IsTrue(string cell, string csvPath) =>
        bool.TryParse(cell, out var value) ? value : throw new IOException($"{csvPath}: esc10 column holds '{cell}', not True or False.");

    private static int Fold(Dictionary<string, string> row, string csvPath) =>
        int.TryParse(row["fold"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var fold) && fold >= 1
            ? fold
            : throw new IOException($"{csvPath}: fold '{row["fold"]}' is not a positive whole number.");
}
