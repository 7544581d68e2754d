using System.Globalization;

namespace Avts.Engine.Benchmarks;

/// <summary>How benchmark tables print a share (an accuracy in 0..1): "83.8 %", or "n/a" where it could not be measured.</summary>
public static class ShareText
{
    /// <summary>The share as a percentage with one decimal, or "n/a" when it is not finite.</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
