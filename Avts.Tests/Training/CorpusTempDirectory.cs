namespace Avts.Tests.Training;

/// <summary>A private temp folder for one corpus test, deleted on dispose.</summary>
internal sealed class CorpusTempDirectory : IDisposable
{
    public CorpusTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "avts-corpus-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
