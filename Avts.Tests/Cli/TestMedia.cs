using Avts.Engine.Media;

namespace Avts.Tests.Cli;

/// <summary>Small in-memory decoded inputs for CLI and report tests.</summary>
internal static class TestMedia
{
    public static MediaInfo Info(string input, double fps = 25, bool video = true, bool audio = true) => new(
        input,
        "matroska,webm",
        12,
        video ? new VideoStreamInfo(0, "h264", 1920, 1080, fps, 0, 12, 0, false) : null,
        audio ? new AudioStreamInfo(1, "aac", 48000, 2, 0.021, 12) : null);

    public static DecodedMedia Decoded(string input, double fps = 25, bool video = true, bool audio = true)
    {
        var frames = 4;
        var videoTrack = video
            ? new VideoTrack(4, 2, new byte[4 * 2 * frames], [.. Enumerable.Range(0, frames).Select(i => i / fps)])
            : null;
        var audioTrack = audio ? new AudioTrack(new float[1600], 16000, 0.021) : null;
        return new DecodedMedia(Info(input, fps, video, audio), videoTrack, audioTrack);
    }
}
