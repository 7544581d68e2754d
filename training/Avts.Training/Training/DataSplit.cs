namespace Avts.Training.Training;

/// <summary>Splits video files into training and validation by whole video (clips of one video never straddle the split).</summary>
public static class DataSplit
{
    /// <summary>
    /// The validation files: <paramref name="explicitFiles"/> when given (matched by full path or by file name), else a
    /// seeded shuffle's first ⌈fraction·n⌉ (at least two, so easy negatives exist). Throws
    /// <see cref="TrainingDataException"/> when the split leaves fewer than two videos on either side.
    /// </summary>
    public static (List<string> Train, List<string> Validation) Split(IReadOnlyList<string> files, IReadOnlyList<string> explicitFiles, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(explicitFiles);
        HashSet<string> validation;
        if (explicitFiles.Count > 0)
        {
            var wanted = explicitFiles.Select(f => Path.IsPathRooted(f) || f.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(f) : f).ToHashSet(StringComparer.Ordinal);
            validation = files.Where(f => wanted.Contains(f) || wanted.Contains(Path.GetFileName(f))).ToHashSet(StringComparer.Ordinal);
            if (validation.Count < explicitFiles.Count)
            {
                throw new TrainingDataException($"validation_files: {explicitFiles.Count - validation.Count} of {explicitFiles.Count} listed files are not among the data videos");
            }
        }
        else
        {
            var shuffled = files.ToArray();
            new Random(seed).Shuffle(shuffled);
            var count = Math.Max(2, (int)Math.Ceiling(fraction * files.Count));
            validation = shuffled.Take(count).ToHashSet(StringComparer.Ordinal);
        }

        var train = files.Where(f => !validation.Contains(f)).ToList();
        var held = files.Where(validation.Contains).ToList();
        if (train.Count < 2 || held.Count < 2)
        {
            throw new TrainingDataException($"{files.Count} videos give {train.Count} for training and {held.Count} for validation; each side needs at least two");
        }

        return (train, held);
    }
}
