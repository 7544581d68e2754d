using System.Diagnostics;
using System.Globalization;

namespace Avts.Tests.Live.Sources;

/// <summary>
/// Generates flash/beep clips for live tests (like scripts/make-flash-beep.sh): a one-frame white flash at irregular
/// frames on a grey picture, a 1 kHz beep <c>delayMs</c> after each, H.264 (GOP 25, so a player joining mid-stream
/// decodes within 1 s) + AAC 48 kHz in MP4. Files live in a private temp directory deleted on dispose.
/// </summary>
public sealed class LiveMediaFixture : IDisposable
{
    /// <summary>Flash frames of every clip (irregular, so no period fits them).</summary>
    public static readonly int[] FlashFrames = [12, 31, 58, 94, 117, 163, 201, 238];

    private int counter;

    /// <summary>Creates the temp directory.</summary>
    public LiveMediaFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "avts-live-media-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Where the files go (its unique name also marks the processes that read them).</summary>
    public string Directory { get; }

    /// <summary>Writes a clip and returns its path.</summary>
    public async Task<string> CreateAsync(
        double seconds, int delayMs = 0, string size = "640x360", bool video = true, bool audio = true)
    {
        var inv = CultureInfo.InvariantCulture;
        var lum = "16";
        var beep = "0";
        foreach (var n in FlashFrames.Where(n => n / 25.0 < seconds))
        {
            lum = $"if(eq(N\\,{n})\\,235\\,{lum})";
            var t = ((n / 25.0) + (delayMs / 1000.0)).ToString("0.######", inv);
            beep += $"+between(t\\,{t}\\,{t}+0.06)*0.5*sin(2*PI*1000*(t-{t}))";
        }

        var duration = seconds.ToString("0.###", inv);
        var path = Path.Combine(Directory, $"{Interlocked.Increment(ref counter)}-clip{(video ? "v" : string.Empty)}{(audio ? "a" : string.Empty)}.mp4");
        var arguments = new List<string> { "-hide_banner", "-v", "error", "-nostdin", "-y" };
        if (video)
        {
            arguments.AddRange(["-f", "lavfi", "-i", $"color=c=gray:s={size}:r=25:d={duration},format=gray,geq=lum='{lum}'"]);
        }

        if (audio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", $"aevalsrc='{beep}':s=48000:d={duration}"]);
        }

        if (video)
        {
            arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-keyint_min", "25", "-pix_fmt", "yuv420p"]);
        }

        if (audio)
        {
            arguments.AddRange(["-c:a", "aac", "-b:a", "128k"]);
        }

        arguments.Add(path);
        await RunAsync("ffmpeg", arguments);
        return path;
    }

    /// <summary>Deletes the files.</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open elsewhere; the temp cleaner gets it.
        }
    }

    private static async Task RunAsync(string tool, List<string> arguments)
    {
        var startInfo = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        arguments.ForEach(startInfo.ArgumentList.Add);
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await stdout;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr}");
    }
}
