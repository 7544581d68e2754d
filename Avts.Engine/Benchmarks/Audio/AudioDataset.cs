namespace Avts.Engine.Benchmarks.Audio;

/// <summary>A loaded classification dataset: its clips with labels and folds, checked to exist on disk.</summary>
/// <param name="Description">What was loaded, for the report: layout, folder, subset.</param>
/// <param name="Clips">Every clip, in a stable order (the loader's).</param>
public sealed record AudioDataset(string Description, IReadOnlyList<AudioClip> Clips)
{
    /// <summary>Class names in ordinal order; a clip's class index is its position here.</summary>
    public IReadOnlyList<string> Classes { get; } = [.. Clips.Select(c => c.Label).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The folds present, ascending.</summary>
    public IReadOnlyList<int> Folds { get; } = [.. Clips.Select(c => c.Fold).Distinct().Order()];

    /// <summary>
    /// Throws when any clip's file is missing, naming how many and the first few, so a half-copied dataset fails
    /// before minutes of decoding instead of in the middle.
    /// </summary>
    internal static void RequireFiles(string layout, IReadOnlyList<AudioClip> clips)
    {
        var missing = clips.Where(c => !File.Exists(c.Path)).Select(c => c.Path).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"{layout}: {missing.Count} of {clips.Count} audio files are missing, e.g. {string.Join(", ", missing.Take(3))}", missing[0]);
        }

        if (clips.Count == 0)
        {
            throw new IOException($"{layout}: no clips listed.");
        }
    }
}
