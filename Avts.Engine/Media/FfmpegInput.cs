namespace Avts.Engine.Media;

/// <summary>The ffmpeg arguments shared by the video and the audio decode, so both see the same timeline.</summary>
internal static class FfmpegInput
{
    /// <summary>
    /// Leading arguments up to and including <c>-i input</c>. <c>-copyts</c> keeps the container timestamps (no shift
    /// to zero). The input is read from its start, or from a seek point at or before <see cref="DecodeOptions.StartSeconds"/>
    /// (<c>-noaccurate_seek</c>: no trimming by ffmpeg), and never cut with <c>-t</c>: the caller trims by each frame's
    /// and sample's own timestamp and stops reading at the end it wants. Trimming inside ffmpeg depends on the
    /// container (with <c>-copyts</c>, an AVI cut with <c>-ss 0 -t</c> yields no video frames at all), timestamps do not.
    /// ffmpeg counts an input <c>-ss</c> from the container start time, so that is subtracted here. Options for the
    /// input and its decoders (<paramref name="inputOptions"/>, e.g. the video decode's) go before <c>-i</c>.
    /// </summary>
    public static List<string> Arguments(string input, MediaInfo info, DecodeOptions options, string logLevel, params ReadOnlySpan<string> inputOptions)
    {
        var arguments = new List<string> { "-nostdin", "-hide_banner", "-nostats", "-loglevel", logLevel };
        if (options.StartSeconds is { } start && start - info.StartSeconds > SeekPrerollSeconds)
        {
            arguments.AddRange(["-ss", FfmpegProcess.Seconds(start - info.StartSeconds - SeekPrerollSeconds), "-noaccurate_seek"]);
        }

        arguments.AddRange(inputOptions);
        arguments.AddRange(["-copyts", "-i", input]);
        return arguments;
    }

    /// <summary>The seek lands this much before the wanted start, so a keyframe-exact seek cannot start late.</summary>
    private const double SeekPrerollSeconds = 1;

    /// <summary>Where the requested span starts on the container timeline, or null for "from the beginning".</summary>
    public static double? SpanStart(MediaInfo info, DecodeOptions options) =>
        options.StartSeconds is { } start ? Math.Max(start, info.StartSeconds) : null;

    /// <summary>Where the requested span ends on the container timeline (infinity: at the end of the input).</summary>
    public static double SpanEnd(MediaInfo info, DecodeOptions options) =>
        options.DurationSeconds is { } duration ? (SpanStart(info, options) ?? info.StartSeconds) + duration : double.PositiveInfinity;
}
