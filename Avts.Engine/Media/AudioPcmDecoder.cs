using System.Globalization;
using System.Runtime.InteropServices;

namespace Avts.Engine.Media;

/// <summary>
/// Decodes one audio stream to mono float PCM whose first sample sits at a known pts. <c>aresample</c> with
/// <c>async=1</c> fills gaps and trims overlaps by timestamp, and with <c>first_pts</c> it pads or trims the start
/// so that output sample 0 is presented exactly at <c>first_pts</c> (in output samples); <c>min_hard_comp</c> is
/// lowered from its 0.1 s default so that offsets above 1 ms are corrected instead of ignored.
/// </summary>
internal static class AudioPcmDecoder
{
    public static async Task<AudioTrack> DecodeAsync(
        string input, MediaInfo info, AudioStreamInfo stream, DecodeOptions options, CancellationToken cancellationToken)
    {
        var rate = options.AudioSampleRate;
        var priming = stream.UntrimmedPrimingSamples > 0 && stream.SampleRate > 0 ? stream.UntrimmedPrimingSeconds : 0;

        // After removing the priming, the first real sample is at the probed start (where the priming began).
        var start = Math.Max(stream.StartSeconds, FfmpegInput.SpanStart(info, options) ?? double.NegativeInfinity);
        var firstPts = (long)Math.Round(start * rate, MidpointRounding.AwayFromZero);

        var filter = string.Create(
            CultureInfo.InvariantCulture,
            $"aresample={rate}:async=1:min_hard_comp=0.001:first_pts={firstPts}");
        if (priming > 0)
        {
            // Move every sample earlier by the priming; aresample then trims what now lies before first_pts.
            filter = string.Create(
                CultureInfo.InvariantCulture,
                $"asetpts=PTS-{stream.UntrimmedPrimingSamples}/{stream.SampleRate}/TB,{filter}");
        }

        // The input -t cut happens before the shift, so read the priming's worth longer to end where asked.
        var arguments = FfmpegInput.Arguments(input, info, options, "error", extraDuration: priming);
        arguments.AddRange(
        [
            "-map", "0:" + stream.Index.ToString(CultureInfo.InvariantCulture), "-vn", "-sn", "-dn",
            "-af", filter, "-ac", "1", "-ar", rate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1",
        ]);

        var seconds = options.DurationSeconds ?? stream.DurationSeconds ?? info.DurationSeconds ?? 60;
        var bytes = new PipeBuffer((long)((seconds + 1) * rate * sizeof(float)));
        var result = await FfmpegProcess.RunAsync(
            "ffmpeg", arguments, bytes.ReadAllAsync, options.StallTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"{input}: ffmpeg could not decode the audio ({FfmpegInput.Reason(result)}).");
        }

        var samples = new float[bytes.Length / sizeof(float)];
        MemoryMarshal.Cast<byte, float>(bytes.Array.AsSpan(0, samples.Length * sizeof(float))).CopyTo(samples);
        if (options.DurationSeconds is { } duration)
        {
            var wanted = (long)Math.Round(((FfmpegInput.SpanStart(info, options) ?? start) + duration - start) * rate);
            if (wanted >= 0 && wanted < samples.Length)
            {
                samples = samples[..(int)wanted];
            }
        }

        return new AudioTrack(samples, rate, (double)firstPts / rate) { PrimingCorrectionSeconds = priming };
    }
}
