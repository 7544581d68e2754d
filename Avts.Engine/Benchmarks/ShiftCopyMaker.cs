using System.Globalization;
using Avts.Engine.Media;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// Makes the benchmark's copies of one source: the video re-encoded once over the inner window [a, b] (timestamps
/// re-based so that source time a becomes 0), and for each shift a copy whose audio is the source audio moved by an
/// exact number of samples and cut to the same window. Audio is written losslessly (32-bit float PCM in Matroska).
/// </summary>
internal static class ShiftCopyMaker
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Re-encodes the source video over [a, b] into <paramref name="output"/> (no audio).</summary>
    public static async Task EncodeInnerVideoAsync(
        string source, double a, double b, int maxWidth, string output, CancellationToken cancellationToken)
    {
        var seek = Math.Max(0, a - 2);
        string[] arguments =
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y",
            // -copyts keeps source timestamps through the input seek, so trim/setpts see the container timeline.
            "-copyts", "-ss", FfmpegProcess.Seconds(seek), "-i", source,
            "-map", "0:v:0", "-an", "-sn", "-dn",
            "-vf", string.Create(CultureInfo.InvariantCulture,
                $"trim=start={FfmpegProcess.Seconds(a)}:end={FfmpegProcess.Seconds(b)},setpts=PTS-{FfmpegProcess.Seconds(a)}/TB,scale=w='trunc(min({maxWidth},iw)/2)*2':h=-2"),
            "-fps_mode", "passthrough",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "16", "-pix_fmt", "yuv420p",
            output,
        ];
        var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, null, StallTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 || !File.Exists(output))
        {
            throw new MediaInputException($"could not re-encode the video of {source} (ffmpeg: {result.LastErrorLine})");
        }
    }

    /// <summary>
    /// Writes a copy whose audio is <paramref name="audio"/> delayed by <paramref name="shiftMs"/> (positive = later)
    /// and cut to [a, a + duration], muxed with the inner video (copied, not re-encoded).
    /// </summary>
    /// <returns>False when the source audio does not cover the shifted window.</returns>
    public static async Task<bool> WriteShiftedCopyAsync(
        string innerVideo, AudioTrack audio, double a, double duration, int shiftMs, string output,
        CancellationToken cancellationToken)
    {
        var rate = audio.SampleRate;
        // Output time t (source time a + t) carries the source sound from a + t - shift: a whole-sample move.
        var first = (long)Math.Round((a - audio.StartSeconds) * rate) - ((long)shiftMs * rate / 1000);
        var count = (long)Math.Round(duration * rate);
        if (first < 0 || first + count > audio.Samples.Length)
        {
            return false;
        }

        var wav = Path.ChangeExtension(output, ".wav");
        WavWriter.WriteMonoFloat(wav, audio.Samples.AsSpan((int)first, (int)count), rate);
        try
        {
            string[] arguments =
            [
                "-hide_banner", "-nostdin", "-v", "error", "-y",
                "-i", innerVideo, "-i", wav,
                "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a", "pcm_f32le",
                output,
            ];
            var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, null, StallTimeout, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new MediaInputException($"could not write {output} (ffmpeg: {result.LastErrorLine})");
            }
        }
        finally
        {
            File.Delete(wav);
        }

        return true;
    }
}
