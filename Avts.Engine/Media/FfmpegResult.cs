namespace Avts.Engine.Media;

/// <summary>How an ffmpeg/ffprobe run ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardError">The last lines ffmpeg wrote to stderr (bounded), for error messages and logs.</param>
public sealed record FfmpegResult(int ExitCode, string StandardError)
{
    /// <summary>The last non-empty stderr line, which is where ffmpeg states why it failed.</summary>
    public string LastErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>
    /// ffmpeg's reason for failing in one short line: the last stderr line that is not the generic "Conversion failed!",
    /// without its "[demuxer @ 0x...]" prefix.
    /// </summary>
    public string Reason
    {
        get
        {
            var lines = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.LastOrDefault(l => !l.StartsWith("Conversion failed", StringComparison.Ordinal)) ?? $"exit code {ExitCode}";
            var prefixEnd = line.StartsWith('[') ? line.IndexOf("] ", StringComparison.Ordinal) : -1;
            return prefixEnd > 0 ? line[(prefixEnd + 2)..] : line;
        }
    }
}
