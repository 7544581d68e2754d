using System.Globalization;
using System.Runtime.InteropServices;

namespace Avts.Engine.Media;

/// <summary>
/// Decodes one audio stream to mono float PCM whose first sample sits at a known pts. <c>aresample</c> with
/// <c>async=1</c> fills gaps and trims overlaps by timestamp, and with <c>first_pts</c> it pads or trims the start
/// towards <c>first_pts</c> (in output samples); <c>min_hard_comp</c> is lowered from its 0.1 s default so that offsets
/// above 1 ms are corrected instead of ignored. When it pads, the resampler's own delay makes the first output pts
/// differ from <c>first_pts</c> by a few ms, so the pts actually output is read back from <c>ashowinfo</c> placed last.
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
            $"aresample={rate}:async=1:min_hard_comp=0.001:first_pts={firstPts},ashowinfo");
        if (priming > 0)
        {
            // Move every sample earlier by the priming; aresample then trims what now lies before first_pts.
            filter = string.Create(
                CultureInfo.InvariantCulture,
                $"asetpts=PTS-{stream.UntrimmedPrimingSamples}/{stream.SampleRate}/TB,{filter}");
        }

        // The input -t cut happens before the shift, so read the priming's worth longer to end where asked.
        var arguments = FfmpegInput.Arguments(input, info, options, "info", extraDuration: priming);
        arguments.AddRange(
        [
            "-map", "0:" + stream.Index.ToString(CultureInfo.InvariantCulture), "-vn", "-sn", "-dn",
            "-af", filter, "-ac", "1", "-ar", rate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1",
        ]);

        var seconds = options.DurationSeconds ?? stream.DurationSeconds ?? info.DurationSeconds ?? 60;
        var bytes = new PipeBuffer((long)((seconds + 1) * rate * sizeof(float)));
        // ashowinfo logs no time base; after aresample it is 1/output rate.
        var frames = new ShowinfoTimestamps("Parsed_ashowinfo", 1024, frameRate: 0, timeBaseDenominator: rate);
        var result = await FfmpegProcess.RunAsync(
            "ffmpeg", arguments, bytes.ReadAllAsync, frames.Consume, options.StallTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"{input}: ffmpeg could not decode the audio ({FfmpegInput.Reason(result)}).");
        }

        var samples = new float[bytes.Length / sizeof(float)];
        MemoryMarshal.Cast<byte, float>(bytes.Array.AsSpan(0, samples.Length * sizeof(float))).CopyTo(samples);
        if (options.DurationSeconds is { } duration)
        {
            var first = frames.Count > 0 ? frames.First : start;
            var wanted = (long)Math.Round(((FfmpegInput.SpanStart(info, options) ?? first) + duration - first) * rate);
            if (wanted >= 0 && wanted < samples.Length)
            {
                samples = samples[..(int)wanted];
            }
        }

        var startSeconds = frames.Count > 0 ? frames.First : (double)firstPts / rate;
        return new AudioTrack(samples, rate, startSeconds) { PrimingCorrectionSeconds = priming };
    }
}
