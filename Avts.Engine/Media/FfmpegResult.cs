namespace Avts.Engine.Media;

/// <summary>How an ffmpeg/ffprobe run ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardError">The last lines ffmpeg wrote to stderr (bounded), for error messages and logs.</param>
public sealed record FfmpegResult(int ExitCode, string StandardError)
{
    /// <summary>The last non-empty stderr line, which is where ffmpeg states why it failed.</summary>
    public string LastErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
