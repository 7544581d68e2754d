using System.Diagnostics;
using Avts.Training.Corpus;

namespace Avts.Tests.Training;

/// <summary>
/// Shared sources for the clip cache tests, generated once: <c>clips/</c> holds four synthetic in-sync clips (2.5 s,
/// 160 px); <c>mixed/</c> holds three of them, a text file named .mkv and an audio-only .mp4, plus a readme.
/// </summary>
public sealed class IndexCorpusFixture : IAsyncLifetime, IDisposable
{
    private readonly CorpusTempDirectory temp = new();

    /// <summary>Four usable clips.</summary>
    public string Clips => temp.Sub("clips");

    /// <summary>Three usable clips and two unusable files.</summary>
    public string Mixed => temp.Sub("mixed");

    /// <summary>A fresh folder name under the fixture's temp folder (not created).</summary>
    public string NewFolder(string name) => temp.Sub(name + "-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        await CorpusGenerator.GenerateAsync(new CorpusOptions { OutputDirectory = Clips, Count = 4, Seed = 5, DurationSeconds = 2.5, MaxWidth = 160 }, null, CancellationToken.None);
        Directory.CreateDirectory(Mixed);
        foreach (var name in new[] { "clip_000000.mp4", "clip_000001.mp4", "clip_000002.mp4" })
        {
            File.Copy(Path.Combine(Clips, name), Path.Combine(Mixed, name));
        }

        await File.WriteAllTextAsync(Path.Combine(Mixed, "garbage.mkv"), "this is not a video");
        await File.WriteAllTextAsync(Path.Combine(Mixed, "readme.txt"), "ignored: no video extension");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "aac", Path.Combine(Mixed, "audio_only.mp4")]))!;
        await ffmpeg.WaitForExitAsync();
        Assert.Equal(0, ffmpeg.ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => temp.Dispose();
}
