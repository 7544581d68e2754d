namespace Avts.Engine.Scoring;

/// <summary>
/// Keeps delays beyond the searched range from coming out as confident numbers. A true delay just outside ±range
/// leaves only coincidences inside it (a flash that happens to sit 330 ms before another flash's beep), and those can
/// look confident. So the search runs over a guard band beyond the range the user asked for; when the best match
/// lies in that band, the answer is "beyond the range", never the best coincidence inside it.
/// </summary>
public static class RangeGuard
{
    /// <summary>The smallest range searched, seconds, however narrow the requested one: lip-sync errors of a second or two are common.</summary>
    public const double MinimumSearchedSeconds = 2.5;

    /// <summary>
    /// The range actually searched for a requested range: half as much again, at least 0.5 s more, and at least
    /// <see cref="MinimumSearchedSeconds"/>.
    /// </summary>
    public static double SearchedSeconds(double rangeSeconds) =>
        Math.Max(MinimumSearchedSeconds, rangeSeconds + Math.Max(0.5, rangeSeconds / 2));

    /// <summary>
    /// <paramref name="analysis"/> (searched over <see cref="SearchedSeconds"/>) limited to ±<paramref name="rangeSeconds"/>:
    /// an overall or window delay beyond it becomes undetermined, the overall one recorded in
    /// <see cref="SyncAnalysis.BeyondRangeDelayMs"/>.
    /// </summary>
    public static SyncAnalysis Limit(SyncAnalysis analysis, double rangeSeconds)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var limitMs = (rangeSeconds * 1000) + 0.5;
        var windows = analysis.Windows
            .Select(w => w.AudioDelayMs is { } d && Math.Abs(d) > limitMs ? w with { AudioDelayMs = null } : w)
            .ToList();
        if (analysis.AudioDelayMs is { } delay && Math.Abs(delay) > limitMs)
        {
            return analysis with { AudioDelayMs = null, Synchronizable = false, Windows = windows, BeyondRangeDelayMs = delay };
        }

        return analysis with { Windows = windows };
    }
}
