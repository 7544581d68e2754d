using System.Globalization;
using System.Runtime.InteropServices;
using Avts.Engine.Media;
using OpenCvSharp;

namespace Avts.Training.Corpus;

/// <summary>
/// Encodes frames painted in memory plus a WAV soundtrack into an MP4 (H.264 yuv420p, FLAC) by piping raw BGR
/// frames into ffmpeg's stdin. Frame f gets PTS f x den / num in a 1/num timebase, so the container keeps exact
/// frame times; single-threaded x264 and bitexact flags make the file byte-identical for the same input.
/// </summary>
public static class RawVideoEncoder
{
    /// <summary>Arguments for one clip (exposed so tests and docs can show the exact command).</summary>
    public static IReadOnlyList<string> Arguments(ClipPlan plan, string audioPath, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var inv = CultureInfo.InvariantCulture;
        return
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "bgr24",
            "-s", string.Create(inv, $"{plan.Width}x{plan.Height}"),
            "-framerate", string.Create(inv, $"{plan.FpsNumerator}/{plan.FpsDenominator}"),
            "-i", "pipe:0",
            "-i", audioPath,
            "-map", "0:v:0", "-map", "1:a:0",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", plan.Crf.ToString(inv), "-pix_fmt", "yuv420p", "-threads", "1",
            "-c:a", "flac", "-strict", "experimental", // FLAC-in-MP4 is "experimental" in ffmpeg 5.x; lossless and sample exact.
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1",
            "-f", "mp4", outputPath,
        ];
    }

    /// <summary>Paints <see cref="ClipPlan.FrameCount"/> frames with <paramref name="paint"/> and encodes them.</summary>
    /// <exception cref="MediaInputException">ffmpeg is missing or failed (its last stderr lines are in the message).</exception>
    public static async Task EncodeAsync(
        ClipPlan plan, string audioPath, string outputPath, Action<Mat, int> paint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paint);
        var result = await FfmpegProcess.RunAsync(
            "ffmpeg",
            Arguments(plan, audioPath, outputPath),
            readStdout: null,
            consumeStderrLine: null,
            writeStdin: async (stdin, progress, ct) =>
            {
                using var frame = new Mat(plan.Height, plan.Width, MatType.CV_8UC3);
                var buffer = new byte[plan.Width * plan.Height * 3];
                for (var f = 0; f < plan.FrameCount; f++)
                {
                    ct.ThrowIfCancellationRequested();
                    paint(frame, f);
                    Marshal.Copy(frame.Data, buffer, 0, buffer.Length);
                    await stdin.WriteAsync(buffer, ct).ConfigureAwait(false);
                    progress();
                }
            },
            StallTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var tail = string.Join(' ', result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
            throw new MediaInputException($"ffmpeg failed to encode {outputPath} (exit {result.ExitCode}): {tail}");
        }
    }

    /// <summary>Longest time ffmpeg may take neither output nor input before it counts as stalled.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);
}
