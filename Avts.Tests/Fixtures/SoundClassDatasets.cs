using System.Diagnostics;
using System.Globalization;

namespace Avts.Tests.Fixtures;

/// <summary>
/// Tiny labelled sound datasets in the real ESC-50 and DCASE2013 layouts, generated with ffmpeg's lavfi sources:
/// three clearly separable classes (a sine tone, white noise, a click train), each clip varied a little (pitch, noise
/// seed, click rate) so the classifier sees several examples of a class, not one copied five times.
/// </summary>
internal static class SoundClassDatasets
{
    /// <summary>Fixture classes: ESC-50 category, target number and the lavfi source of variant v.</summary>
    private static readonly (string Category, int Target, Func<int, string> Source)[] Classes =
    [
        ("tone", 0, v => string.Create(CultureInfo.InvariantCulture, $"sine=frequency={400 + (60 * v)}:sample_rate=44100")),
        ("noise", 10, v => string.Create(CultureInfo.InvariantCulture, $"anoisesrc=color=white:amplitude=0.3:seed={v + 1}:sample_rate=44100")),
        ("clicks", 38, v => string.Create(CultureInfo.InvariantCulture, $"aevalsrc=exprs='if(lt(mod(t,{0.08 + (0.01 * v)}),0.004),0.8,0)':sample_rate=44100")),
    ];

    /// <summary>
    /// ESC-50 layout under <paramref name="root"/>: <c>audio/{fold}-{src}-{take}-{target}.wav</c> and
    /// <c>meta/esc50.csv</c>, 3 ESC-10 classes × 5 folds × <paramref name="perFold"/> clips of 1.5 s, plus one
    /// non-ESC-10 class listed in the csv whose files are never written (so only --subset esc10 can load it).
    /// </summary>
    public static async Task WriteEsc50Async(string root, int perFold = 2)
    {
        Directory.CreateDirectory(Path.Combine(root, "audio"));
        Directory.CreateDirectory(Path.Combine(root, "meta"));
        var rows = new List<string> { "filename,fold,target,category,esc10,src_file,take" };
        foreach (var (category, target, source) in Classes)
        {
            for (var fold = 1; fold <= 5; fold++)
            {
                for (var k = 0; k < perFold; k++)
                {
                    var variant = ((fold - 1) * perFold) + k;
                    var src = 100 + (target * 100) + variant;
                    var name = string.Create(CultureInfo.InvariantCulture, $"{fold}-{src}-A-{target}.wav");
                    rows.Add(string.Create(CultureInfo.InvariantCulture, $"{name},{fold},{target},{category},True,{src},A"));
                    await WriteClipAsync(source(variant), Path.Combine(root, "audio", name), channels: 1);
                }
            }
        }

        for (var fold = 1; fold <= 5; fold++)
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{fold}-999{fold}-A-5.wav,{fold},5,cat,False,999{fold},A"));
        }

        await File.WriteAllLinesAsync(Path.Combine(root, "meta", "esc50.csv"), rows);
    }

    /// <summary>
    /// DCASE2013 development layout under <paramref name="root"/>: <c>scenes_stereo/{scene}NN.wav</c>, stereo, 3 scenes
    /// × <paramref name="perScene"/> recordings of 1.5 s (the real set: 10 scenes × 10 × 30 s).
    /// </summary>
    public static async Task WriteDcaseAsync(string root, int perScene = 5)
    {
        var folder = Path.Combine(root, "scenes_stereo");
        Directory.CreateDirectory(folder);
        string[] scenes = ["office", "busystreet", "tubestation"];
        for (var s = 0; s < scenes.Length; s++)
        {
            for (var n = 1; n <= perScene; n++)
            {
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{scenes[s]}{n:00}.wav"));
                await WriteClipAsync(Classes[s].Source(n), path, channels: 2);
            }
        }
    }

    private static async Task WriteClipAsync(string source, string path, int channels)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-t", "1.5",
            "-ac", channels.ToString(CultureInfo.InvariantCulture), "-ar", "44100", "-c:a", "pcm_s16le", path,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not write {path}: {error}");
        }
    }
}
