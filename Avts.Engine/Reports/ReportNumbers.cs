namespace Avts.Engine.Reports;

/// <summary>The rounding every report field uses, so all output formats agree on the digits.</summary>
internal static class ReportNumbers
{
    /// <summary>Milliseconds to 0.1 ms.</summary>
    public static double Ms(double value) => Clean(Math.Round(value, 1, MidpointRounding.AwayFromZero));

    /// <summary>Nullable milliseconds to 0.1 ms.</summary>
    public static double? Ms(double? value) => value is { } v && double.IsFinite(v) ? Ms(v) : null;

    /// <summary>Seconds to 1 ms.</summary>
    public static double Seconds(double value) => Clean(Math.Round(value, 3, MidpointRounding.AwayFromZero));

    /// <summary>Nullable seconds to 1 ms.</summary>
    public static double? Seconds(double? value) => value is { } v && double.IsFinite(v) ? Seconds(v) : null;

    /// <summary>A 0..1 confidence to three decimals, clamped (estimators should not, but might, overshoot).</summary>
    public static double Confidence(double value) =>
        double.IsFinite(value) ? Clean(Math.Round(Math.Clamp(value, 0, 1), 3, MidpointRounding.AwayFromZero)) : 0;

    /// <summary>Any other figure to <paramref name="digits"/> decimals.</summary>
    public static double Round(double value, int digits) =>
        double.IsFinite(value) ? Clean(Math.Round(value, digits, MidpointRounding.AwayFromZero)) : 0;

    // Math.Round(-0.04, 1) is -0, which JSON writes as "-0": a sign on a zero delay reads as "sound early".
    private static double Clean(double value) => value == 0 ? 0 : value;
}
