using System.Globalization;
using System.Text.Json;

namespace Avts.Training.Eval;

/// <summary>How the avts-train reports (eval, calibrate) write numbers: NaN is "n/a" in tables and null in JSON.</summary>
internal static class ReportValues
{
    /// <summary><paramref name="value"/> rounded to 6 decimals, or null when it is not finite.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary><paramref name="value"/> in <paramref name="format"/> (invariant culture), or "n/a" when it is not finite.</summary>
    public static string Format(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
