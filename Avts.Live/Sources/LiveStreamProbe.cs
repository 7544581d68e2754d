using System.Text;
using Avts.Engine.Media;

namespace Avts.Live.Sources;

/// <summary>
/// Asks ffprobe which media a URL or file has, so the live ffmpeg maps only streams that exist (an output whose map
/// matches nothing is an error in ffmpeg 5.1). Costs about 1 s on RTSP (one extra DESCRIBE/SETUP/PLAY).
/// </summary>
internal static class LiveStreamProbe
{
    /// <exception cref="MediaInputException">ffprobe cannot open the input (one line from its stderr).</exception>
    public static async Task<(bool Video, bool Audio)> ProbeAsync(LiveInput input, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-v", "error", "-hide_banner" };
        arguments.AddRange(FfmpegLiveCommand.InputArguments(input, forProbe: true));
        arguments.InsertRange(arguments.Count - 2, ["-show_entries", "stream=codec_type", "-of", "csv=p=0"]);
        using var output = new MemoryStream();
        var result = await FfmpegProcess.RunAsync(
            "ffprobe",
            arguments,
            (stdout, progress, token) => stdout.CopyToAsync(output, token),
            consumeStderrLine: null,
            writeStdin: null,
            input.Environment,
            input.StallTimeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException(FfmpegLiveCommand.Failure(input.Location, result));
        }

        var types = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.TrimEntries);
        return (types.Contains("video"), types.Contains("audio"));
    }
}
