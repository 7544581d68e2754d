using Avts.Web.Engine;

namespace Avts.Web.Qa;

/// <summary>Where a QA job's files live: <c>{data}/qa/{id}/</c> holds the upload, <c>plot.png</c> and the corrected copy.</summary>
public sealed class QaFolders(DataPaths paths)
{
    /// <summary>The job's folder (created).</summary>
    public string JobDirectory(string id)
    {
        // Ids are server-made hex strings; anything else never reaches the file system.
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("not a QA job id", nameof(id));
        }

        var directory = Path.Combine(paths.Directory, "qa", id);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The job's plot.</summary>
    public string PlotPath(string id) => Path.Combine(JobDirectory(id), "plot.png");

    /// <summary>Where an upload with <paramref name="extension"/> is stored.</summary>
    public string UploadPath(string id, string extension) => Path.Combine(JobDirectory(id), "upload" + extension);

    /// <summary>Where the corrected copy of <paramref name="input"/> goes (same container as the input).</summary>
    public string FixedPath(string id, string input) => Path.Combine(JobDirectory(id), "fixed" + MediaExtension(input));

    /// <summary>A safe media extension taken from <paramref name="fileName"/> (".mp4" when it has none usable).</summary>
    public static string MediaExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : ".mp4";
    }
}
