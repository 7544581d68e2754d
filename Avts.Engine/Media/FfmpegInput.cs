namespace Avts.Engine.Media;

/// <summary>The ffmpeg arguments shared by the video and the audio decode, so both see the same timeline and span.</summary>
internal static class FfmpegInput
{
    /// <summary>
    /// Leading arguments up to and including <c>-i input</c>. <c>-copyts</c> keeps the container timestamps (no shift
    /// to zero). With it ffmpeg still counts an input <c>-ss</c> from the container start time and also trims at
    /// (<c>-ss</c> + start time), so the container start is subtracted here to make <see cref="DecodeOptions.StartSeconds"/>
    /// an absolute position on the container timeline. A duration without a start seeks to the container start so
    /// that both streams are cut at the same absolute end, not each at its own first frame plus the duration.
    /// </summary>
    public static List<string> Arguments(string input, MediaInfo info, DecodeOptions options, string logLevel, double extraDuration)
    {
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", logLevel };
        if (options.StartSeconds is { } start)
        {
            arguments.AddRange(["-ss", FfmpegProcess.Seconds(Math.Max(0, start - info.StartSeconds))]);
        }
        else if (options.DurationSeconds is not null)
        {
            arguments.AddRange(["-ss", "0"]);
        }

        if (options.DurationSeconds is { } duration)
        {
            arguments.AddRange(["-t", FfmpegProcess.Seconds(duration + extraDuration)]);
        }

        arguments.AddRange(["-copyts", "-i", input]);
        return arguments;
    }

    /// <summary>Where the requested span starts on the container timeline, or null for "from the beginning".</summary>
    public static double? SpanStart(MediaInfo info, DecodeOptions options) =>
        options.StartSeconds is { } start ? Math.Max(start, info.StartSeconds)
        : options.DurationSeconds is not null ? info.StartSeconds
        : null;

    /// <summary>ffmpeg's reason for failing: the last stderr line that is not the generic "Conversion failed!".</summary>
    public static string Reason(FfmpegResult result)
    {
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.LastOrDefault(l => !l.StartsWith("Conversion failed", StringComparison.Ordinal))
            ?? $"exit code {result.ExitCode}";
        var prefixEnd = line.StartsWith('[') ? line.IndexOf("] ", StringComparison.Ordinal) : -1;
        return prefixEnd > 0 ? line[(prefixEnd + 2)..] : line;
    }
}
