using System.Globalization;
using System.Text.Json;

namespace Avts.Engine.Media;

/// <summary>
/// Reads ffprobe's JSON (<c>-show_format -show_streams</c>) into <see cref="MediaInfo"/>. Every field is optional:
/// ffprobe omits what it does not know, writes "N/A" or "0/0", and varies by container, so nothing here throws on
/// a missing or odd value; it falls back to "unknown" instead.
/// </summary>
internal static class FfprobeJson
{
    /// <summary>Relative difference between r_frame_rate and avg_frame_rate above which a stream counts as VFR.</summary>
    private const double VariableFrameRateTolerance = 0.01;

    public static MediaInfo Parse(string input, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;

        VideoStreamInfo? video = null;
        AudioStreamInfo? audio = null;
        if (root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array)
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = String(stream, "codec_type");
                if (type == "video" && video is null && !IsAttachedPicture(stream))
                {
                    video = ParseVideo(stream);
                }
                else if (type == "audio" && audio is null)
                {
                    audio = ParseAudio(stream);
                }
            }
        }

        return new MediaInfo(input, String(format, "format_name") ?? "", Number(format, "duration"), video, audio)
        {
            StartSeconds = Number(format, "start_time") ?? 0,
        };
    }

    /// <summary>True when the tag exists on the stream or the container (case-insensitive key).</summary>
    public static bool HasTag(string json, int streamIndex, string key)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("format", out var format) && HasTag(format, key))
        {
            return true;
        }

        return root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array
            && streams.EnumerateArray().Any(s => Integer(s, "index") == streamIndex && HasTag(s, key));
    }

    /// <summary>Whether the first packet in <c>-show_packets</c> JSON carries "Skip Samples" side data.</summary>
    public static bool FirstPacketHasSkipSamples(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("packets", out var packets) || packets.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var first = packets.EnumerateArray().FirstOrDefault();
        if (first.ValueKind != JsonValueKind.Object
            || !first.TryGetProperty("side_data_list", out var sideData) || sideData.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        return sideData.EnumerateArray().Any(d =>
            string.Equals(String(d, "side_data_type"), "Skip Samples", StringComparison.OrdinalIgnoreCase)
            && (Integer(d, "skip_samples") ?? 0) > 0);
    }

    /// <summary>Whether the packets in <c>-show_packets</c> JSON carry no presentation timestamp (only decode timestamps).</summary>
    public static bool PacketsLackPts(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("packets", out var packets) || packets.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = packets.EnumerateArray().ToList();
        return list.Count > 0 && list.All(p => Number(p, "pts") is null && Number(p, "dts") is not null);
    }

    /// <summary>The duration_time of each packet in <c>-show_packets</c> JSON, in order (missing ones skipped).</summary>
    public static List<double> PacketDurations(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("packets", out var packets) && packets.ValueKind == JsonValueKind.Array
            ? [.. packets.EnumerateArray().Select(p => Number(p, "duration_time")).OfType<double>()]
            : [];
    }

    private static VideoStreamInfo ParseVideo(JsonElement stream)
    {
        var realRate = Rational(String(stream, "r_frame_rate"));
        var averageRate = Rational(String(stream, "avg_frame_rate"));
        var frameRate = averageRate > 0 ? averageRate : realRate;
        var variable = realRate > 0 && averageRate > 0
            && Math.Abs(realRate - averageRate) > VariableFrameRateTolerance * Math.Max(realRate, averageRate);
        var sar = Rational(String(stream, "sample_aspect_ratio")?.Replace(':', '/'));
        return new VideoStreamInfo(
            Integer(stream, "index") ?? 0,
            String(stream, "codec_name") ?? "unknown",
            Integer(stream, "width") ?? 0,
            Integer(stream, "height") ?? 0,
            frameRate,
            Number(stream, "start_time") ?? 0,
            Number(stream, "duration"),
            Rotation(stream),
            variable)
        {
            SampleAspectRatio = sar > 0 ? sar : 1,
            RealFrameRate = realRate,
            ReorderFrames = Integer(stream, "has_b_frames") ?? 0,
        };
    }

    private static AudioStreamInfo ParseAudio(JsonElement stream) =>
        new(
            Integer(stream, "index") ?? 0,
            String(stream, "codec_name") ?? "unknown",
            Integer(stream, "sample_rate") ?? 0,
            Integer(stream, "channels") ?? 0,
            Number(stream, "start_time") ?? 0,
            Number(stream, "duration"));

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.ValueKind == JsonValueKind.Object
        && Integer(disposition, "attached_pic") == 1;

    /// <summary>
    /// Display rotation, normalised to 0/90/180/270. The display matrix's "rotation" is counter-clockwise (ffprobe
    /// prints -90 for a phone held upright) while the legacy "rotate" tag is clockwise; both mean the same turn.
    /// </summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (Number(item, "rotation") is { } rotation)
                {
                    degrees = -rotation;
                    break;
                }
            }
        }

        if (degrees is null && stream.TryGetProperty("tags", out var tags) && Number(tags, "rotate") is { } tag)
        {
            degrees = tag;
        }

        var quarter = (int)Math.Round((degrees ?? 0) / 90.0, MidpointRounding.AwayFromZero);
        return ((quarter % 4) + 4) % 4 * 90;
    }

    private static bool HasTag(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
        && tags.EnumerateObject().Any(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static double? Number(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;

    private static int? Integer(JsonElement element, string name) =>
        Number(element, name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>"30000/1001" or "25" as a number; 0 for "0/0", "N/A" or anything unparsable.</summary>
    internal static double Rational(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole) && double.IsFinite(whole)
                ? whole
                : 0;
        }

        return double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator != 0 && double.IsFinite(numerator / denominator)
                ? numerator / denominator
                : 0;
    }
}
