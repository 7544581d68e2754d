using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Tests.Fixtures;

/// <summary>
/// Tiny action-recognition datasets in the real UCF101 and HMDB51 layouts, generated with ffmpeg lavfi once per test
/// class: three classes (a white square moving right, moving left, flashing in place), two groups x two clips of 2 s,
/// 160x120 at 25 fps, MPEG-4 Part 2 in .avi as the real sets ship, plus an untrained tiny checkpoint with its card.
/// </summary>
public sealed class ActionDatasetFixture : IAsyncLifetime
{
    /// <summary>UCF101-style class names, in classInd.txt order.</summary>
    public static readonly string[] UcfClasses = ["MoveRight", "MoveLeft", "Flash"];

    /// <summary>HMDB51-style class names (ordinal order is the label order).</summary>
    public static readonly string[] HmdbClasses = ["flash", "move_left", "move_right"];

    /// <summary>The root of everything generated.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("avts-action-fixture-").FullName;

    /// <summary>The UCF101-layout folder.</summary>
    public string Ucf101 => Path.Combine(Root, "ucf101");

    /// <summary>The HMDB51-layout folder.</summary>
    public string Hmdb51 => Path.Combine(Root, "hmdb51");

    /// <summary>An untrained tiny checkpoint (weights + card).</summary>
    public string Weights => Path.Combine(Root, "untrained-tiny.pt");

    /// <summary>Train videos listed in UCF101 trainlist01.txt (one of them missing on disk).</summary>
    public int UcfTrainListed { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        UntrainedCheckpoint.Save(Weights, AvtsModelOptions.Tiny, seed: 7);

        await CreateUcf101Async();
        await CreateHmdb51Async();
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }

        return Task.CompletedTask;
    }

    private async Task CreateUcf101Async()
    {
        var lists = Directory.CreateDirectory(Path.Combine(Ucf101, "ucfTrainTestlist")).FullName;
        var train = new List<string>();
        var test = new List<string>();
        for (var label = 0; label < UcfClasses.Length; label++)
        {
            var name = UcfClasses[label];
            var folder = Directory.CreateDirectory(Path.Combine(Ucf101, "UCF-101", name)).FullName;
            for (var group = 1; group <= 2; group++)
            {
                for (var clip = 1; clip <= 2; clip++)
                {
                    var file = string.Create(CultureInfo.InvariantCulture, $"v_{name}_g{group:00}_c{clip:00}.avi");
                    await RenderAsync(Path.Combine(folder, file), name.ToUpperInvariant(), (group * 2) + clip);
                    (group == 1 ? test : train).Add(group == 1 ? $"{name}/{file}" : $"{name}/{file} {label + 1}");
                }
            }
        }

        // Listed in the split file but not on disk: must be skipped with a reason and counted.
        train.Add($"{UcfClasses[0]}/v_{UcfClasses[0]}_g03_c01.avi 1");
        UcfTrainListed = train.Count;
        await File.WriteAllLinesAsync(Path.Combine(lists, "classInd.txt"), UcfClasses.Select((c, i) => $"{i + 1} {c}"));
        await File.WriteAllLinesAsync(Path.Combine(lists, "trainlist01.txt"), train);
        await File.WriteAllLinesAsync(Path.Combine(lists, "testlist01.txt"), test);
    }

    private async Task CreateHmdb51Async()
    {
        var splits = Directory.CreateDirectory(Path.Combine(Hmdb51, "testTrainMulti_7030_splits")).FullName;
        foreach (var name in HmdbClasses)
        {
            var folder = Directory.CreateDirectory(Path.Combine(Hmdb51, name)).FullName;
            var lines = new List<string>();
            for (var group = 1; group <= 2; group++)
            {
                for (var clip = 1; clip <= 2; clip++)
                {
                    var file = string.Create(CultureInfo.InvariantCulture, $"Fixture_{name}_f_nm_np1_fr_med_g{group}_{clip}.avi");
                    await RenderAsync(Path.Combine(folder, file), name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant(), (group * 2) + clip);

                    // Group 2 trains, clip 1 of group 1 tests, clip 2 of group 1 is unused (0), as in the official files.
                    var membership = group == 2 ? 1 : clip == 1 ? 2 : 0;
                    lines.Add($"{file} {membership} ");
                }
            }

            await File.WriteAllLinesAsync(Path.Combine(splits, $"{name}_test_split1.txt"), lines);
        }
    }

    /// <summary>A 2 s 160x120 clip of <paramref name="motion"/> (MOVERIGHT, MOVELEFT or FLASH); <paramref name="variant"/> moves the square's row.</summary>
    private static async Task RenderAsync(string path, string motion, int variant)
    {
        var y = 20 + (variant * 12);
        var overlay = motion switch
        {
            "MOVERIGHT" => $"overlay=x='8+55*t':y={y}:shortest=1",
            "MOVELEFT" => $"overlay=x='128-55*t':y={y}:shortest=1",
            _ => $"overlay=x=68:y={y}:shortest=1:enable='lt(mod(t,0.4),0.2)'",
        };
        var result = await FfmpegProcess.RunAsync(
            "ffmpeg",
            [
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "color=c=0x202020:s=160x120:r=25:d=2",
                "-f", "lavfi", "-i", "color=c=white:s=24x24:r=25:d=2",
                "-filter_complex", $"[0][1]{overlay}",
                "-c:v", "mpeg4", "-q:v", "4", "-an", path,
            ],
            readStdout: null,
            TimeSpan.FromSeconds(30),
            CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not render {path}: {result.LastErrorLine}");
        }
    }
}
