using System.Globalization;

namespace Avts.Engine.Media;

/// <summary>
/// Collects frame timestamps from the stderr lines of a <c>showinfo</c>/<c>ashowinfo</c> filter (called on the stderr
/// thread, in order): the integer pts and the filter's input time base, not pts_time, which ffmpeg prints with only
/// six significant digits.
/// </summary>
internal sealed class ShowinfoTimestamps(string filterTag, int capacity, double frameRate, long timeBaseDenominator = 0)
{
    private readonly List<double> seconds = new(capacity);
    private long timeBaseNumerator = 1;
    private long timeBaseDenominator = timeBaseDenominator;

    public int Count => seconds.Count;

    /// <summary>The first frame's pts in seconds (only when <see cref="Count"/> is positive).</summary>
    public double First => seconds[0];

    public double[] ToArray() => [.. seconds];

    /// <summary>Takes showinfo's lines (so per-frame logging stays out of the error tail); leaves all others.</summary>
    public bool Consume(string line)
    {
        var tag = line.IndexOf(filterTag, StringComparison.Ordinal);
        if (tag < 0)
        {
            return false;
        }

        var text = line.AsSpan(tag);
        var config = text.IndexOf("config in time_base:", StringComparison.Ordinal);
        if (config >= 0)
        {
            ParseTimeBase(text[(config + "config in time_base:".Length)..]);
            return true;
        }

        var n = text.IndexOf("] n:", StringComparison.Ordinal);
        var pts = text.IndexOf(" pts:", StringComparison.Ordinal);
        if (n >= 0 && pts > n)
        {
            seconds.Add(ParsePts(text[(pts + " pts:".Length)..]));
        }

        return true;
    }

    private double ParsePts(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var end = text.IndexOf(' ');
        var value = end < 0 ? text : text[..end];
        if (timeBaseDenominator > 0
            && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pts))
        {
            return (double)pts * timeBaseNumerator / timeBaseDenominator;
        }

        // NOPTS (raw elementary streams): continue from the previous frame at the nominal rate.
        var step = frameRate > 0 ? 1 / frameRate : 1 / 30.0;
        return seconds.Count == 0 ? 0 : seconds[^1] + step;
    }

    private void ParseTimeBase(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var slash = text.IndexOf('/');
        var comma = text.IndexOf(',');
        if (slash > 0 && comma > slash
            && long.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && long.TryParse(text[(slash + 1)..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator))
        {
            timeBaseNumerator = numerator;
            timeBaseDenominator = denominator;
        }
    }
}
