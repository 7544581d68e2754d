namespace Avts.Engine.Media;

/// <summary>The probed description of one input (file or URL).</summary>
/// <param name="Input">The path or URL as given.</param>
/// <param name="FormatName">Container format as ffprobe names it (e.g. "mov,mp4,m4a,3gp,3g2,mj2").</param>
/// <param name="DurationSeconds">Container duration in seconds, when known (null for live streams).</param>
/// <param name="Video">The first video stream, or null when there is none.</param>
/// <param name="Audio">The first audio stream, or null when there is none.</param>
public sealed record MediaInfo(
    string Input,
    string FormatName,
    double? DurationSeconds,
    VideoStreamInfo? Video,
    AudioStreamInfo? Audio)
{
    /// <summary>Container start time in seconds (ffmpeg's <c>-ss</c> counts from here); 0 when unknown.</summary>
    public double StartSeconds { get; init; }
}
