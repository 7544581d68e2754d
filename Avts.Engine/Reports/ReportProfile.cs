namespace Avts.Engine.Reports;

/// <summary>The tolerance a report was judged against, in the Avts sign convention (positive = sound late).</summary>
/// <param name="Name">Profile name ("custom" for <c>--tolerance</c>).</param>
/// <param name="MinMs">Most negative allowed delay (sound early), ms.</param>
/// <param name="MaxMs">Most positive allowed delay (sound late), ms.</param>
/// <param name="BoundsInclusive">Whether a delay exactly on a bound passes.</param>
/// <param name="Description">Where the figures come from.</param>
public sealed record ReportProfile(string Name, double MinMs, double MaxMs, bool BoundsInclusive, string Description)
{
    /// <summary>The report form of <paramref name="profile"/>, bounds rounded to 0.01 ms.</summary>
    public static ReportProfile From(ToleranceProfile profile) => new(
        profile.Name,
        Math.Round(profile.MinMs, 2),
        Math.Round(profile.MaxMs, 2),
        profile.BoundsInclusive,
        profile.Description);
}
