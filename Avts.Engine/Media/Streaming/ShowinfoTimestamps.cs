using System.Globalization;

namespace Avts.Engine.Media.Streaming;

/// <summary>
/// Reads frame timestamps from the stderr lines of one named <c>showinfo</c>/<c>ashowinfo</c> instance (called on the
/// stderr thread, in order): the integer pts and the filter's input time base, not pts_time, which ffmpeg prints with
/// only six significant digits; for audio also the frame's sample count and rate.
/// </summary>
/// <param name="filterTag">The instance's log prefix, e.g. "[showinfo@frames " for <c>showinfo@frames</c>.</param>
/// <param name="frameRate">Nominal frame rate, for frames without a pts (0: 30 fps is assumed).</param>
/// <param name="onFrame">Receives each frame's pts in seconds and its sample count (0 for video).</param>
/// <param name="timeBaseDenominator">The time base when the filter does not log one (ashowinfo: 1/sample rate).</param>
internal sealed class ShowinfoTimestamps(string filterTag, double frameRate, Action<double, int> onFrame, long timeBaseDenominator = 0)
{
    private long timeBaseNumerator = 1;
    private long timeBaseDenominator = timeBaseDenominator;
    private double? previous;

    /// <summary>The log prefix of a filter instance named <c>filter@id</c> in a filtergraph.</summary>
    public static string Tag(string filterAndId) => "[" + filterAndId + " @ ";

    /// <summary>Takes this filter's lines (so per-frame logging stays out of the error tail); leaves all others.</summary>
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
            var seconds = ParsePts(text[(pts + " pts:".Length)..]);
            previous = seconds;
            onFrame(seconds, (int)Field(text, " nb_samples:"));
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
        return previous is { } last ? last + step : 0;
    }

    private static long Field(ReadOnlySpan<char> text, string name)
    {
        var at = text.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var rest = text[(at + name.Length)..].TrimStart();
        var end = rest.IndexOf(' ');
        return long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
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
