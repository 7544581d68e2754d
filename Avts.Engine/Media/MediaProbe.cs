namespace Avts.Engine.Media;

/// <summary>Describes an input with ffprobe.</summary>
public static class MediaProbe
{
    /// <summary>Probes <paramref name="input"/> (a path or any URL ffmpeg opens).</summary>
    /// <exception cref="MediaInputException">The input is missing, empty, a directory or not media.</exception>
    public static Task<MediaInfo> ProbeAsync(string input, CancellationToken cancellationToken) =>
        throw new NotSupportedException("MediaProbe is being written on the media branch.");
}
