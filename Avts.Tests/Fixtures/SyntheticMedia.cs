using System.Diagnostics;
using System.Globalization;

namespace Avts.Tests.Fixtures;

/// <summary>
/// Generates small media files with ffmpeg's lavfi sources into a private temp directory (deleted on dispose).
/// Use as an xunit class fixture; every method is safe to call from parallel tests.
/// </summary>
public sealed class SyntheticMedia : IDisposable
{
    private int counter;

    /// <summary>Creates the temp directory.</summary>
    public SyntheticMedia()
    {
        Directory = Path.Combine(Path.GetTempPath(), "avts-media-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Where the files go.</summary>
    public string Directory { get; }

    /// <summary>Encodes <paramref name="clip"/> and returns the file's path.</summary>
    public async Task<string> CreateAsync(SyntheticClip clip, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var extension = clip.Container == SyntheticContainer.Mp4 ? ".mp4" : ".mkv";
        var path = NewPath((name ?? "clip") + extension);
        if (clip.RemuxUntrimmedAudio)
        {
            var audioOnly = NewPath((name ?? "clip") + "-audio.mp4");
            var videoOnly = NewPath((name ?? "clip") + "-video.mp4");
            await RunFfmpegAsync(Arguments(clip with { HasVideo = false, Mp4EditList = false, RemuxUntrimmedAudio = false }, audioOnly)).ConfigureAwait(false);
            await RunFfmpegAsync(Arguments(clip with { HasAudio = false, RemuxUntrimmedAudio = false }, videoOnly)).ConfigureAwait(false);
            await RunFfmpegAsync(
            [
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", videoOnly, "-i", audioOnly,
                "-map", "0:v", "-map", "1:a", "-c", "copy", path,
            ]).ConfigureAwait(false);
        }
        else
        {
            await RunFfmpegAsync(Arguments(clip, path)).ConfigureAwait(false);
        }

        if (clip.HasVideo && clip.RotationDegrees != 0)
        {
            // ffmpeg 5.1 turns the "rotate" tag into a display matrix only when the stream is copied, not encoded.
            var rotated = NewPath((name ?? "clip") + "-rotated" + extension);
            await RunFfmpegAsync(
            [
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", path, "-map", "0", "-c", "copy",
                "-metadata:s:v", "rotate=" + clip.RotationDegrees.ToString(CultureInfo.InvariantCulture), rotated,
            ]).ConfigureAwait(false);
            return rotated;
        }

        return path;
    }

    /// <summary>
    /// Runs ffmpeg over <paramref name="inputs"/> into a new file named <paramref name="name"/> (its extension picks the
    /// muxer) with <paramref name="options"/> between the inputs and the output; returns the path.
    /// </summary>
    public async Task<string> TranscodeAsync(IReadOnlyList<string> inputs, string name, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var path = NewPath(name);
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-loglevel", "error", "-y" };
        foreach (var input in inputs)
        {
            arguments.AddRange(["-i", input]);
        }

        arguments.AddRange(options);
        arguments.Add(path);
        await RunFfmpegAsync(arguments).ConfigureAwait(false);
        return path;
    }

    /// <summary>Copies <paramref name="source"/> with bytes [<paramref name="from"/>, <paramref name="to"/>) of its length (fractions) zeroed.</summary>
    public string CreateDamagedCopy(string source, double from, double to, string name)
    {
        var bytes = File.ReadAllBytes(source);
        bytes.AsSpan((int)(bytes.Length * from), (int)(bytes.Length * (to - from))).Clear();
        var path = NewPath(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="count"/> pseudo-random bytes (fixed seed) and returns the path.</summary>
    public string CreateRandomBytes(string name, int count)
    {
        var bytes = new byte[count];
        new Random(1234).NextBytes(bytes);
        var path = NewPath(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes an empty file and returns the path.</summary>
    public string CreateEmpty(string name)
    {
        var path = NewPath(name);
        File.WriteAllBytes(path, []);
        return path;
    }

    /// <summary>Copies the first <paramref name="fraction"/> of <paramref name="source"/> into a new file.</summary>
    public string CreateTruncatedCopy(string source, double fraction, string name)
    {
        var bytes = File.ReadAllBytes(source);
        var path = NewPath(name);
        File.WriteAllBytes(path, bytes.AsSpan(0, (int)(bytes.Length * fraction)).ToArray());
        return path;
    }

    /// <summary>Deletes the temp directory.</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleaner gets it.
        }
    }

    private string NewPath(string name) =>
        Path.Combine(Directory, Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture) + "-" + name);

    private static List<string> Arguments(SyntheticClip clip, string path)
    {
        if (!clip.HasVideo && !clip.HasAudio)
        {
            throw new ArgumentException("A clip needs video or audio.", nameof(clip));
        }

        var inv = CultureInfo.InvariantCulture;
        var duration = clip.DurationSeconds.ToString("0.######", inv);
        var args = new List<string> { "-nostdin", "-hide_banner", "-loglevel", "error", "-y" };
        if (clip.HasVideo)
        {
            var source = clip.BlackVideo ? "color=c=black:" : "testsrc2=";
            var video = string.Create(inv, $"{source}s={clip.Width}x{clip.Height}:r={clip.FrameRate}:d={duration}");
            int[] flashes = [.. clip.FlashFrames, .. clip.FlashFrame is { } f ? new[] { f } : []];
            if (flashes.Length > 0)
            {
                var frames = string.Join('+', flashes.Select(n => string.Create(inv, $"eq(n,{n})")));
                video += $",drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='{frames}'";
            }

            args.AddRange(["-f", "lavfi", "-i", video]);
        }

        if (clip.HasAudio)
        {
            double[] beeps = [.. clip.BeepsSeconds, .. clip.BeepSeconds is { } b ? new[] { b } : []];
            var tone = clip.SilentAudio || beeps.Length > 0 ? "0" : "0.1*sin(2*PI*440*t)";
            var expression = tone + string.Concat(beeps.Select(beep =>
                string.Create(inv, $"+if(between(t,{beep:0.######},{beep + 0.1:0.######}),0.8*cos(2*PI*1000*(t-{beep:0.######})),0)")));
            var channels = clip.AudioChannels == 2 ? expression + "|" + expression : expression;
            var audio = string.Create(inv, $"aevalsrc='{channels}':s={clip.AudioSampleRate}:d={duration}");
            args.AddRange(["-itsoffset", clip.AudioStartSeconds.ToString("0.######", inv), "-f", "lavfi", "-i", audio]);
        }

        if (clip.HasVideo)
        {
            var odd = clip.Width % 2 != 0 || clip.Height % 2 != 0;
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", odd ? "yuv444p" : "yuv420p"]);

            // The offset is added after ffmpeg's input start shift and in a fine time base: -itsoffset and the
            // encoder's default 1/fps time base would both round it to whole frames.
            args.AddRange(
            [
                "-filter:v", string.Create(inv, $"settb=1/90000,setpts=PTS+{clip.VideoStartSeconds:0.######}/TB"),
                "-enc_time_base:v", "1:90000", "-fps_mode", "passthrough",
            ]);
        }

        if (clip.HasAudio)
        {
            args.AddRange(clip.AudioCodec switch
            {
                SyntheticAudioCodec.Pcm => ["-c:a", "pcm_s16le"],
                SyntheticAudioCodec.Flac => ["-c:a", "flac"],
                SyntheticAudioCodec.Aac => ["-c:a", "aac", "-b:a", "128k"],
                SyntheticAudioCodec.Opus => ["-c:a", "libopus", "-b:a", "64k"],
                _ => throw new ArgumentOutOfRangeException(nameof(clip)),
            });
        }

        if (clip.Container == SyntheticContainer.Mp4 && !clip.Mp4EditList)
        {
            args.AddRange(["-use_editlist", "0"]);
        }

        args.Add(path);
        return args;
    }

    private static async Task RunFfmpegAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var stderr = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed to make a synthetic clip: " + stderr.Trim());
        }
    }
}
