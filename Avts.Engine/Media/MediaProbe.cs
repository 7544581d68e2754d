using System.Text;
using System.Text.RegularExpressions;

namespace Avts.Engine.Media;

/// <summary>Describes an input with ffprobe.</summary>
public static partial class MediaProbe
{
    /// <summary>The priming every common AAC-LC encoder (ffmpeg, fdk, faac) puts before the first real sample.</summary>
    internal const int StandardAacPrimingSamples = 1024;

    private static readonly TimeSpan DefaultStallTimeout = new DecodeOptions().StallTimeout;

    /// <summary>Probes <paramref name="input"/> (a path or any URL ffmpeg opens).</summary>
    /// <exception cref="MediaInputException">The input is missing, empty, a directory or not media.</exception>
    public static Task<MediaInfo> ProbeAsync(string input, CancellationToken cancellationToken) =>
        ProbeAsync(input, DefaultStallTimeout, cancellationToken);

    /// <summary>Probes <paramref name="input"/>, giving up when ffprobe is silent for <paramref name="stallTimeout"/>.</summary>
    /// <exception cref="MediaInputException">The input is missing, empty, a directory or not media.</exception>
    public static async Task<MediaInfo> ProbeAsync(string input, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        CheckLocalPath(input);

        var json = await RunFfprobeAsync(
            input,
            ["-show_format", "-show_streams"],
            stallTimeout,
            cancellationToken).ConfigureAwait(false);
        MediaInfo info;
        try
        {
            info = FfprobeJson.Parse(input, json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new MediaInputException($"{input} is not a readable media file (ffprobe printed no usable description).", ex);
        }

        if (info.Video is null && info.Audio is null)
        {
            throw new MediaInputException($"{input} has neither a video nor an audio stream.");
        }

        // The two packet probes are independent short ffprobe runs (most of each is ffprobe starting): run them together.
        var lacksPts = info.Video is { ReorderFrames: > 0 } && !IsUrl(input)
            ? PacketsLackPtsAsync(input, stallTimeout, cancellationToken)
            : Task.FromResult(false);
        var untrimmedPriming = info.Audio is { } a
            ? HasUntrimmedAacPrimingAsync(info, a, json, stallTimeout, cancellationToken)
            : Task.FromResult(false);
        await Task.WhenAll(lacksPts, untrimmedPriming).ConfigureAwait(false);

        if (info.Video is { } video && await lacksPts.ConfigureAwait(false))
        {
            var rate = video.RealFrameRate > 0 && video.FrameRate > 0 ? Math.Min(video.RealFrameRate, video.FrameRate) : video.FrameRate;
            info = info with { Video = video with { ReorderDelaySeconds = rate > 0 ? video.ReorderFrames / rate : 0 } };
        }

        if (info.Audio is { } audio && await untrimmedPriming.ConfigureAwait(false))
        {
            info = info with { Audio = audio with { UntrimmedPrimingSamples = StandardAacPrimingSamples } };
        }

        return info;
    }

    /// <summary>True for "scheme://..." inputs (rtsp, http, srt, ...), which have no local file to check; not "file:".</summary>
    internal static bool IsUrl(string input) => UrlScheme().IsMatch(input) && LocalPath(input) is null;

    /// <summary>
    /// The local path an input names: itself, or the path of ffmpeg's <c>file:</c> protocol (<c>file:/a/b</c>,
    /// <c>file:///a/b</c>, <c>file:a/b</c>); null for any other URL.
    /// </summary>
    public static string? LocalPath(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = input[5..];
            return path.StartsWith("///", StringComparison.Ordinal) ? path[2..] : path;
        }

        return UrlScheme().IsMatch(input) ? null : input;
    }

    private static void CheckLocalPath(string input)
    {
        if (LocalPath(input) is not { } path)
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new MediaInputException($"{input} is a directory, not a media file.");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new MediaInputException($"{input} does not exist.");
        }

        if (file.Length == 0)
        {
            // Pipes and devices report no length either: say what the path really is.
            throw new MediaInputException(FileKind.Of(path) switch
            {
                FileKind.Fifo => $"{input} is a named pipe (FIFO), not a file: a check reads its input more than once (probe, picture, sound); save the stream to a file, or watch it live with avts monitor.",
                FileKind.CharacterDevice => $"{input} is a character device, not a media file; capture devices are watched live with avts monitor (see avts devices).",
                FileKind.BlockDevice => $"{input} is a block device, not a media file.",
                FileKind.Socket => $"{input} is a socket, not a media file.",
                _ => $"{input} is empty (0 bytes).",
            });
        }
    }

    /// <summary>
    /// ffmpeg's mov demuxer drops AAC priming only when an edit list or iTunSMPB says so; it then marks the first
    /// packet with "Skip Samples" side data. An MP4/MOV whose first AAC packet lacks that mark (e.g. written with
    /// <c>-use_editlist 0</c>) decodes with the encoder's priming presented as content, i.e. audio late by 1024
    /// samples. Only the first audio packet is read, so this costs one more short ffprobe run, and only for AAC in MP4.
    /// </summary>
    private static async Task<bool> HasUntrimmedAacPrimingAsync(
        MediaInfo info, AudioStreamInfo audio, string probeJson, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        if (audio.Codec != "aac" || !info.FormatName.Contains("mp4", StringComparison.Ordinal)
            || FfprobeJson.HasTag(probeJson, audio.Index, "iTunSMPB"))
        {
            return false;
        }

        var packets = await RunFfprobeAsync(
            input: info.Input,
            [
                "-select_streams", "a:0", "-show_packets", "-read_intervals", "%+#1",
                "-show_entries", "packet=pts,side_data_list",
            ],
            stallTimeout,
            cancellationToken).ConfigureAwait(false);
        if (FfprobeJson.FirstPacketHasSkipSamples(packets))
        {
            return false;
        }

        // ffmpeg's own mov muxer without an edit list (-use_editlist 0) shifts every stream by the priming and writes
        // the video's delayed start as a first frame stretched by that much: audio and video are then late together,
        // in sync, and correcting the audio would make it early. Only a video that was not shifted needs the fix.
        return info.Video is not { } video
            || !await VideoStartStretchedByAsync(info.Input, video, audio, stallTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the first video packets carry decode timestamps only (AVI): frames then come out stamped late.</summary>
    private static async Task<bool> PacketsLackPtsAsync(string input, TimeSpan stallTimeout, CancellationToken cancellationToken) =>
        FfprobeJson.PacketsLackPts(await RunFfprobeAsync(
            input,
            ["-select_streams", "v:0", "-show_packets", "-read_intervals", "%+#3", "-show_entries", "packet=pts,dts"],
            stallTimeout,
            cancellationToken).ConfigureAwait(false));

    private static async Task<bool> VideoStartStretchedByAsync(
        string input, VideoStreamInfo video, AudioStreamInfo audio, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        var packets = await RunFfprobeAsync(
            input,
            [
                "-select_streams", "v:0", "-show_packets", "-read_intervals", "%+#2",
                "-show_entries", "packet=duration_time",
            ],
            stallTimeout,
            cancellationToken).ConfigureAwait(false);
        var durations = FfprobeJson.PacketDurations(packets);
        if (durations.Count < 2)
        {
            return false;
        }

        var priming = (double)StandardAacPrimingSamples / audio.SampleRate;
        var stretch = durations[0] - durations[1];
        return video.StartSeconds == 0 && Math.Abs(stretch - priming) < 0.002;
    }

    private static async Task<string> RunFfprobeAsync(
        string input, string[] what, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", "error", "-hide_banner", "-print_format", "json", .. what, "-i", input];
        var json = new StringBuilder();
        var result = await FfmpegProcess.RunAsync(
            "ffprobe",
            arguments,
            async (stdout, progress, ct) =>
            {
                using var reader = new StreamReader(stdout, Encoding.UTF8);
                var buffer = new char[16384];
                int read;
                while ((read = await reader.ReadAsync(buffer.AsMemory(), ct).ConfigureAwait(false)) > 0)
                {
                    json.Append(buffer, 0, read);
                    progress();
                }
            },
            stallTimeout,
            cancellationToken).ConfigureAwait(false);

        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"{input} is not a readable media file (ffprobe: {Reason(result, input)}).");
        }

        return json.ToString();
    }

    /// <summary>
    /// ffprobe's first error line is the cause ("moov atom not found"); the last is the generic consequence ("Invalid
    /// data found when processing input"). Strip the "[mov,mp4 @ 0x...]" and "path: " prefixes so the reason reads
    /// as one short line.
    /// </summary>
    internal static string Reason(FfmpegResult result, string input)
    {
        var line = result.StandardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? $"exit code {result.ExitCode}";
        line = ContextPrefix().Replace(line, "");
        if (line.StartsWith(input + ": ", StringComparison.Ordinal))
        {
            line = line[(input.Length + 2)..];
        }

        return line.Length == 0 ? $"exit code {result.ExitCode}" : line;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]+://")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^\[[^\]]*@ 0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();
}
