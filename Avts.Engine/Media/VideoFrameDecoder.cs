using System.Globalization;

namespace Avts.Engine.Media;

/// <summary>
/// Decodes one video stream to grey frames at the analysis size with each frame's exact presentation timestamp.
/// ffmpeg writes raw frames to stdout and, through the <c>showinfo</c> filter placed last in the chain, one stderr
/// line per frame that leaves the filter graph; with <c>-fps_mode passthrough</c> the output neither duplicates nor
/// drops frames, so the n-th line belongs to the n-th frame on stdout. The integer pts and the filter's time base
/// are parsed (not pts_time, which ffmpeg prints with only 6 significant digits).
/// </summary>
internal static class VideoFrameDecoder
{
    public static async Task<VideoTrack> DecodeAsync(
        string input, MediaInfo info, VideoStreamInfo stream, DecodeOptions options, CancellationToken cancellationToken)
    {
        var (width, height) = OutputSize(stream, options.VideoWidth);
        var frameBytes = width * height;

        var arguments = FfmpegInput.Arguments(input, info, options, "info", extraDuration: 0);
        arguments.AddRange(
        [
            "-map", "0:" + stream.Index.ToString(CultureInfo.InvariantCulture), "-an", "-sn", "-dn",
            // Autorotation (on by default) inserts its transpose before this chain, so the size here is post-rotation.
            "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}:flags=area,format=gray,showinfo=checksum=0"),
            "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
        ]);

        var estimatedFrames = EstimateFrames(info, stream, options);
        var pixels = new PipeBuffer(estimatedFrames * frameBytes);
        var timestamps = new ShowinfoTimestamps("Parsed_showinfo", estimatedFrames, stream.FrameRate);
        var result = await FfmpegProcess.RunAsync(
            "ffmpeg",
            arguments,
            pixels.ReadAllAsync,
            timestamps.Consume,
            options.StallTimeout,
            cancellationToken).ConfigureAwait(false);

        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"{input}: ffmpeg could not decode the video ({FfmpegInput.Reason(result)}).");
        }

        var frames = pixels.Length / frameBytes;
        if (pixels.Length % frameBytes != 0 || frames != timestamps.Count)
        {
            throw new MediaInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{input}: ffmpeg returned {pixels.Length} bytes of video ({frames} frames) but {timestamps.Count} frame timestamps."));
        }

        return new VideoTrack(width, height, pixels.ToExactArray(frames * frameBytes), timestamps.ToArray());
    }

    /// <summary>
    /// Analysis frame size: the requested width and the height that keeps the displayed aspect ratio (sample aspect
    /// ratio and rotation applied), rounded to an even number of at least 2.
    /// </summary>
    internal static (int Width, int Height) OutputSize(VideoStreamInfo stream, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        var displayWidth = stream.DisplayWidth;
        var displayHeight = stream.DisplayHeight;
        if (displayWidth <= 0 || displayHeight <= 0)
        {
            throw new MediaInputException($"{stream.Codec} video stream #{stream.Index} has no known picture size.");
        }

        var height = (int)Math.Round(width * displayHeight / displayWidth / 2.0, MidpointRounding.AwayFromZero) * 2;
        return (width, Math.Max(2, height));
    }

    private static int EstimateFrames(MediaInfo info, VideoStreamInfo stream, DecodeOptions options)
    {
        var seconds = options.DurationSeconds ?? stream.DurationSeconds ?? info.DurationSeconds ?? 60;
        var rate = stream.FrameRate is > 0 and < 1000 ? stream.FrameRate : 30;
        return (int)Math.Clamp((seconds * rate * 1.02) + 4, 4, 1_000_000);
    }
}
