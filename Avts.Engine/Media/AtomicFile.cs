namespace Avts.Engine.Media;

/// <summary>Writes a small text file so that a reader sees the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> through <c>path.partial</c> in the
    /// same folder and a move over the old file; a failed write leaves the old file and no partial behind.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        var partial = path + ".partial";
        try
        {
            File.WriteAllText(partial, text);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
