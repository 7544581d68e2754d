namespace Avts.Engine.Reports;

/// <summary>Writes a <see cref="SyncReport"/> in any <see cref="ReportFormat"/>.</summary>
public static class ReportWriter
{
    /// <summary>The format names accepted on the command line, in <see cref="ReportFormat"/> order.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["text", "json", "jsonl", "csv"];

    /// <summary>Parses a format name ("text", "json", "jsonl", "csv"; case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ReportFormat ParseFormat(string name) => name.ToUpperInvariant() switch
    {
        "TEXT" => ReportFormat.Text,
        "JSON" => ReportFormat.Json,
        "JSONL" => ReportFormat.Jsonl,
        "CSV" => ReportFormat.Csv,
        _ => throw new ArgumentException($"unknown format '{name}' (known: {string.Join(", ", FormatNames)}).", nameof(name)),
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/> in <paramref name="format"/>.</summary>
    public static void Write(SyncReport report, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Text:
                TextReportWriter.Write(report, writer);
                break;
            case ReportFormat.Json:
                JsonReportWriter.WriteJson(report, writer);
                break;
            case ReportFormat.Jsonl:
                JsonReportWriter.WriteJsonLines(report, writer);
                break;
            case ReportFormat.Csv:
                CsvReportWriter.Write(report, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }
}
