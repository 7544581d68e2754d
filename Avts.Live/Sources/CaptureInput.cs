using System.Globalization;

namespace Avts.Live.Sources;

/// <summary>
/// ffmpeg input arguments for a capture device spec: <c>v4l2:/dev/video0</c>, <c>pulse:SOURCE</c>, <c>alsa:hw:0</c>,
/// two of them joined by <c>+</c> (one picture device and one sound device, e.g. <c>v4l2:/dev/video0+pulse:default</c>,
/// opened as two inputs of one ffmpeg), or Windows <c>dshow:video=NAME:audio=NAME</c> (built, not tested here).
/// </summary>
/// <param name="Arguments">Everything up to and including the last <c>-i</c>.</param>
/// <param name="VideoMap">The <c>-map</c> of the picture stream, or null.</param>
/// <param name="AudioMap">The <c>-map</c> of the sound stream, or null.</param>
/// <param name="CopyTimestamps">
/// True for two inputs: ffmpeg shifts each input to its own zero unless <c>-copyts</c> is given, which would lose
/// the relation between the devices; both stamp with the wall clock (v4l2 <c>-ts abs</c>, pulse/alsa by default).
/// </param>
public sealed record CaptureInput(IReadOnlyList<string> Arguments, string? VideoMap, string? AudioMap, bool CopyTimestamps)
{
    private static readonly string[] Kinds = ["v4l2:", "pulse:", "alsa:", "dshow:"];

    /// <summary>True when <paramref name="location"/> starts with a capture kind.</summary>
    public static bool IsCapture(string location) =>
        location is not null && Kinds.Any(k => location.StartsWith(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds the arguments for <paramref name="spec"/>.</summary>
    /// <exception cref="FormatException">Not a capture spec, or two devices of the same medium; one-line message.</exception>
    public static CaptureInput Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split('+', StringSplitOptions.TrimEntries);
        if (parts.Length > 2)
        {
            throw new FormatException($"Capture \"{spec}\": at most two devices (one picture, one sound) can be joined with '+'.");
        }

        var arguments = new List<string>();
        string? video = null;
        string? audio = null;
        for (var index = 0; index < parts.Length; index++)
        {
            var (kind, device) = Split(spec, parts[index]);
            var (hasVideo, hasAudio) = Media(spec, kind, device);
            var input = index.ToString(CultureInfo.InvariantCulture);
            if ((hasVideo && video is not null) || (hasAudio && audio is not null))
            {
                throw new FormatException($"Capture \"{spec}\": two devices give the same medium; join one picture and one sound device.");
            }

            video = hasVideo ? input + ":v:0" : video;
            audio = hasAudio ? input + ":a:0" : audio;
            arguments.AddRange(InputArguments(kind, device, joined: parts.Length > 1));
        }

        return new CaptureInput(arguments, video, audio, CopyTimestamps: parts.Length > 1);
    }

    private static (string Kind, string Device) Split(string spec, string part)
    {
        var colon = part.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? part[..colon].ToLowerInvariant() : string.Empty;
        var device = colon > 0 ? part[(colon + 1)..] : string.Empty;
        if (!Kinds.Contains(kind + ":", StringComparer.Ordinal) || device.Length == 0)
        {
            throw new FormatException(
                $"Capture \"{spec}\": \"{part}\" is not v4l2:DEVICE, pulse:SOURCE, alsa:DEVICE or dshow:video=NAME:audio=NAME.");
        }

        return (kind, device);
    }

    private static (bool Video, bool Audio) Media(string spec, string kind, string device)
    {
        if (kind != "dshow")
        {
            return (kind == "v4l2", kind != "v4l2");
        }

        // dshow's own syntax: video=NAME, audio=NAME or both joined by ':'.
        var video = device.StartsWith("video=", StringComparison.OrdinalIgnoreCase);
        var audio = device.StartsWith("audio=", StringComparison.OrdinalIgnoreCase)
            || device.Contains(":audio=", StringComparison.OrdinalIgnoreCase);
        return video || audio ? (video, audio) : throw new FormatException($"Capture \"{spec}\": dshow needs video=NAME and/or audio=NAME.");
    }

    private static string[] InputArguments(string kind, string device, bool joined) => kind switch
    {
        // Capture devices deliver in bursts; a larger thread queue keeps ffmpeg from dropping while the other input blocks.
        "v4l2" => joined
            ? ["-f", "v4l2", "-thread_queue_size", "512", "-ts", "abs", "-i", device]
            : ["-f", "v4l2", "-thread_queue_size", "512", "-i", device],
        "pulse" => ["-f", "pulse", "-thread_queue_size", "1024", "-i", device],
        "alsa" => ["-f", "alsa", "-thread_queue_size", "1024", "-i", device],
        _ => ["-f", "dshow", "-rtbufsize", "256M", "-i", device],
    };
}
