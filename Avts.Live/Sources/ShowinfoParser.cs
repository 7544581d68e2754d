using System.Globalization;
using System.Threading.Channels;

namespace Avts.Live.Sources;

/// <summary>
/// Turns the stderr lines of the live ffmpeg's <c>showinfo</c> (video) and <c>ashowinfo</c> (audio) filters into one
/// queue entry per frame or chunk, in order (called on the stderr thread). Unlike the engine's ShowinfoTimestamps it
/// keeps nothing beyond the queues (a live run never ends) and also reads each frame's size and each chunk's sample
/// count, which the pipe readers need to cut the byte streams. Integer pts and time base are used, not pts_time
/// (six significant digits).
/// </summary>
internal sealed class ShowinfoParser(int audioSampleRate)
{
    private long videoTimeBaseNumerator = 1;
    private long videoTimeBaseDenominator;
    private double videoFrameRate;
    private double lastVideoPts = double.NaN;

    /// <summary>Per video frame: pts (seconds), width, height.</summary>
    public Channel<(double Pts, int Width, int Height)> Video { get; } =
        Channel.CreateUnbounded<(double, int, int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Per audio chunk: pts (seconds), sample count.</summary>
    public Channel<(double Pts, int Samples)> Audio { get; } =
        Channel.CreateUnbounded<(double, int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Takes the filters' lines (so they stay out of the error tail); leaves all others.</summary>
    public bool Consume(string line)
    {
        var tag = line.IndexOf("[Parsed_ashowinfo_", StringComparison.Ordinal);
        if (tag >= 0)
        {
            var text = line.AsSpan(tag);
            if (Field(text, "] n:") is not null
                && Field(text, " pts:") is { } pts && long.TryParse(pts, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
                && Field(text, " nb_samples:") is { } count && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var samples))
            {
                // aresample's output time base is 1/rate; ashowinfo does not print it.
                Audio.Writer.TryWrite(((double)ticks / audioSampleRate, samples));
            }

            return true;
        }

        tag = line.IndexOf("[Parsed_showinfo_", StringComparison.Ordinal);
        if (tag < 0)
        {
            return false;
        }

        var info = line.AsSpan(tag);
        var config = info.IndexOf("config in time_base:", StringComparison.Ordinal);
        if (config >= 0)
        {
            ParseConfig(info[(config + "config in time_base:".Length)..]);
        }
        else if (Field(info, "] n:") is not null && Field(info, " s:") is { } size && Size(size) is { } frame)
        {
            var pts = VideoPts(Field(info, " pts:"));
            lastVideoPts = pts;
            Video.Writer.TryWrite((pts, frame.Width, frame.Height));
        }

        return true;
    }

    /// <summary>The value after <paramref name="key"/> up to the next space (padding skipped), or null.</summary>
    private static string? Field(ReadOnlySpan<char> text, string key)
    {
        var at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = text[(at + key.Length)..].TrimStart();
        var end = value.IndexOf(' ');
        return (end < 0 ? value : value[..end]).ToString();
    }

    private static (int Width, int Height)? Size(string text)
    {
        var x = text.IndexOf('x', StringComparison.Ordinal);
        return x > 0
            && int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0
                ? (width, height)
                : null;
    }

    private double VideoPts(string? text)
    {
        if (videoTimeBaseDenominator > 0 && text is not null
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks))
        {
            return (double)ticks * videoTimeBaseNumerator / videoTimeBaseDenominator;
        }

        // NOPTS (raw elementary streams): continue from the previous frame at the nominal rate.
        var step = videoFrameRate > 0 ? 1 / videoFrameRate : 1 / 30.0;
        return double.IsNaN(lastVideoPts) ? 0 : lastVideoPts + step;
    }

    private void ParseConfig(ReadOnlySpan<char> text)
    {
        // "1/12800, frame_rate: 25/1"
        if (Ratio(text.TrimStart()) is { } timeBase)
        {
            (videoTimeBaseNumerator, videoTimeBaseDenominator) = timeBase;
        }

        var rate = text.IndexOf("frame_rate:", StringComparison.Ordinal);
        if (rate >= 0 && Ratio(text[(rate + "frame_rate:".Length)..].TrimStart()) is { } fps && fps.Denominator > 0)
        {
            videoFrameRate = (double)fps.Numerator / fps.Denominator;
        }
    }

    private static (long Numerator, long Denominator)? Ratio(ReadOnlySpan<char> text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var rest = text[(slash + 1)..];
        var end = rest.IndexOfAny(',', ' ');
        rest = end < 0 ? rest : rest[..end];
        return long.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0
                ? (numerator, denominator)
                : null;
    }
}
