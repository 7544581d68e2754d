using System.Globalization;
using Avts.Engine.Media;

namespace Avts.Engine.Editing;

/// <summary>
/// Writes a copy of a file with its audio re-timed, sample-exact, while the video packets are copied bit-exact.
/// A measured delay X (positive = sound late) is corrected by moving the audio by -X: X &gt; 0 trims X ms from the
/// start of the audio, X &lt; 0 inserts |X| ms of silence at its start. Every audio stream is shifted alike and
/// re-encoded with a codec the container suits; video, subtitles, attachments, chapters and metadata are copied.
/// </summary>
public static class AudioRetimer
{
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Writes <paramref name="output"/> from <paramref name="input"/> with the audio moved by -<paramref name="audioDelayMs"/>.</summary>
    /// <param name="input">Source file.</param>
    /// <param name="output">Destination file (its extension picks the container); replaced atomically when it exists.</param>
    /// <param name="audioDelayMs">The measured delay to remove, ms (positive = sound late).</param>
    /// <param name="cancellationToken">Cancels the run and kills ffmpeg.</param>
    /// <exception cref="MediaInputException">Same path for input and output, no audio stream, or ffmpeg failed.</exception>
    public static async Task<AudioRetimeResult> RetimeAsync(
        string input, string output, double audioDelayMs, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(audioDelayMs))
        {
            throw new ArgumentOutOfRangeException(nameof(audioDelayMs), "The delay must be a finite number of ms.");
        }

        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new MediaInputException($"refusing to overwrite the input '{input}'; choose another output path.");
        }

        if (!File.Exists(input))
        {
            throw new MediaInputException($"'{input}' does not exist.");
        }

        var (sampleRate, sourceCodec) = await ProbeAudioAsync(input, cancellationToken).ConfigureAwait(false);
        var shiftSamples = (long)Math.Round(audioDelayMs * sampleRate / 1000.0, MidpointRounding.AwayFromZero);
        var codec = AudioCodecFor(output, sourceCodec);

        // Write next to the destination under the same extension (ffmpeg picks the muxer from it), then move into
        // place, so a failed or cancelled run never leaves a truncated file under the requested name.
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        var partial = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(output)}.avts-partial-{Environment.ProcessId}{Path.GetExtension(output)}");
        try
        {
            var result = await FfmpegProcess.RunAsync(
                "ffmpeg", Arguments(input, partial, Filter(shiftSamples), codec), null, StallTimeout, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                // At -loglevel error the first line is the cause; later ones are consequences ("Error initializing ...").
                var cause = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .FirstOrDefault() ?? $"exit code {result.ExitCode}";
                throw new MediaInputException($"ffmpeg could not write '{output}': {cause}");
            }

            File.Move(partial, output, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new AudioRetimeResult(output, shiftSamples, sampleRate, codec.Name);
    }

    /// <summary>
    /// The audio filter for a shift of <paramref name="shiftSamples"/> (positive = trim, negative = pad). Filters run at
    /// the stream's native rate, so sample counts are exact; timestamps keep the stream's original start.
    /// </summary>
    internal static string Filter(long shiftSamples) => shiftSamples switch
    {
        // atrim counts samples from the first decoded one; asetpts then moves the rest back by exactly the trimmed
        // samples (the filter time base is 1/SR), so the first kept sample plays where the first original one did.
        > 0 => string.Create(CultureInfo.InvariantCulture, $"atrim=start_sample={shiftSamples},asetpts=PTS-{shiftSamples}/SR/TB"),
        < 0 => string.Create(CultureInfo.InvariantCulture, $"adelay=delays={-shiftSamples}S:all=1"),
        _ => "anull",
    };

    /// <summary>The audio encoder (and its settings) for the output container.</summary>
    internal static (string Name, string[] Settings) AudioCodecFor(string output, string sourceCodec)
    {
        var lossless = sourceCodec.StartsWith("pcm_", StringComparison.Ordinal) ? sourceCodec : "flac";
        return Path.GetExtension(output).ToUpperInvariant() switch
        {
            ".MP4" or ".M4V" or ".M4A" or ".3GP" => ("aac", ["-b:a", "320k"]),
            ".MOV" => sourceCodec.StartsWith("pcm_", StringComparison.Ordinal) ? (sourceCodec, []) : ("aac", ["-b:a", "320k"]),
            ".MKV" or ".MKA" => (lossless, []),
            ".WEBM" => ("libopus", ["-b:a", "256k"]),
            ".WAV" or ".AVI" => (sourceCodec.StartsWith("pcm_", StringComparison.Ordinal) ? sourceCodec : "pcm_s16le", []),
            ".TS" or ".M2TS" or ".MTS" => ("aac", ["-b:a", "320k"]),
            ".MXF" => ("pcm_s24le", []),
            ".FLAC" => ("flac", []),
            _ => ("aac", ["-b:a", "320k"]),
        };
    }

    private static List<string> Arguments(string input, string output, string filter, (string Name, string[] Settings) codec)
    {
        List<string> args =
        [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
            "-i", input,
            // Every stream except data tracks (timecode/GPS tracks often cannot be muxed back); keep chapters and tags.
            "-map", "0", "-map", "-0:d?",
            "-map_metadata", "0", "-map_chapters", "0",
            "-c", "copy",
            "-af", filter,
            "-c:a", codec.Name,
        ];
        args.AddRange(codec.Settings);
        args.Add(output);
        return args;
    }

    private static async Task<(int SampleRate, string Codec)> ProbeAudioAsync(string input, CancellationToken cancellationToken)
    {
        string? text = null;
        var result = await FfmpegProcess.RunAsync(
            "ffprobe",
            ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate,codec_name", "-of", "default=noprint_wrappers=1", input],
            async (stdout, progress, ct) =>
            {
                using var reader = new StreamReader(stdout);
                text = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
                progress();
            },
            StallTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"cannot read '{input}': {result.LastErrorLine}");
        }

        var fields = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("sample_rate", out var rateText)
            || !int.TryParse(rateText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate)
            || rate <= 0)
        {
            throw new MediaInputException($"'{input}' has no audio stream to re-time.");
        }

        return (rate, fields.GetValueOrDefault("codec_name", ""));
    }
}
