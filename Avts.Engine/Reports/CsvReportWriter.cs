using System.Globalization;

namespace Avts.Engine.Reports;

/// <summary>Writes the per-window estimates as CSV (RFC 4180 quoting, invariant culture, empty = no estimate).</summary>
public static class CsvReportWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "input,start_s,end_s,audio_delay_ms,confidence";

    /// <summary>Writes the header and one row per window.</summary>
    public static void Write(SyncReport report, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        var input = Quote(report.Input);
        foreach (var w in report.Windows)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{input},{w.StartS:0.###},{w.EndS:0.###},{(w.AudioDelayMs is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "")},{w.Confidence:0.###}"));
            writer.Write('\n');
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
