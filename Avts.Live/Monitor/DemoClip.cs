using System.Globalization;
using System.Text;
using Avts.Engine.Media;

namespace Avts.Live.Monitor;

/// <summary>
/// Writes the demo and benchmark clip: a dark, grainy picture with a one-frame white flash at irregular frames and a 1 kHz
/// beep starting <c>delayMs</c> after each flash (H.264 with a one-second GOP, so a player joining mid-stream decodes
/// within a second, + AAC 48 kHz, MP4). Irregular spacing matters: periodic events make every multiple of the period
/// an equally good answer. The grain (temporal noise) makes the video cost real bits (~1 Mbit/s at 640x360) and real
/// decoding work, as a broadcast stream does, instead of the few kbit/s of a flat picture.
/// </summary>
public static class DemoClip
{
    // Gaps between flashes in frames (at 25 fps: 0.7-1.9 s), repeated for as long as the clip lasts.
    private static readonly int[] FlashGaps = [35, 24, 47, 22, 46, 17, 48, 29];

    /// <summary>The frames (0-based) that flash in a clip of <paramref name="frameCount"/> frames.</summary>
    public static IReadOnlyList<int> FlashFrames(int frameCount)
    {
        var frames = new List<int>();
        for (int frame = 12, i = 0; frame < frameCount; frame += FlashGaps[i++ % FlashGaps.Length])
        {
            frames.Add(frame);
        }

        return frames;
    }

    /// <summary>Writes the clip to <paramref name="path"/>.</summary>
    /// <param name="path">Output .mp4 path.</param>
    /// <param name="delayMs">How late each beep is after its flash (negative: early).</param>
    /// <param name="durationSeconds">Clip length.</param>
    /// <param name="width">Picture width (even).</param>
    /// <param name="height">Picture height (even).</param>
    /// <param name="cancellationToken">Kills ffmpeg when cancelled.</param>
    /// <exception cref="MediaInputException">ffmpeg failed.</exception>
    public static async Task WriteAsync(
        string path, double delayMs, double durationSeconds, int width, int height, CancellationToken cancellationToken)
    {
        const int fps = 25;
        var luminance = new StringBuilder("16");
        var beeps = new StringBuilder("0");
        foreach (var frame in FlashFrames((int)(durationSeconds * fps)))
        {
            var t = (frame / (double)fps) + (delayMs / 1000);
            luminance.Insert(0, string.Create(CultureInfo.InvariantCulture, $"if(eq(N,{frame}),235,")).Append(')');
            beeps.Append(CultureInfo.InvariantCulture, $"+between(t,{t:0.######},{t + 0.06:0.######})*0.5*sin(2*PI*1000*(t-{t:0.######}))");
        }

        var duration = FfmpegProcess.Seconds(durationSeconds);
        string[] arguments =
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y",
            // The flash expression is evaluated on a 2x2 picture (it is the same everywhere) and scaled up before
            // the grain: per pixel at full size it made a 30 s clip take ~20 s to write.
            "-f", "lavfi", "-i", string.Create(
                CultureInfo.InvariantCulture,
                $"color=c=gray:s=2x2:r={fps}:d={duration},format=gray,geq=lum='{luminance}',scale={width}x{height}:flags=neighbor,noise=alls=12:allf=t"),
            "-f", "lavfi", "-i", $"aevalsrc='{beeps}':s=48000:d={duration}",
            "-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-keyint_min", "25", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", path,
        ];
        var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, readStdout: null, TimeSpan.FromSeconds(60), cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"could not write the demo clip {path}: {result.LastErrorLine}");
        }
    }
}
