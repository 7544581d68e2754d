using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avts.Engine.Reports;

/// <summary>Writes reports as one JSON object or as JSON lines (snake_case, schema <see cref="SyncReport.CurrentSchema"/>).</summary>
public static class JsonReportWriter
{
    // Reports go to terminals and files, never into HTML: keep "±", "+" and non-ASCII paths readable.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The report as one indented JSON object.</summary>
    public static string ToJson(SyncReport report, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            JsonSerializer.Serialize(json, report, ReportJsonContext.Default.SyncReport);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the report as one indented JSON object followed by a newline.</summary>
    public static void WriteJson(SyncReport report, TextWriter writer)
    {
        writer.WriteLine(ToJson(report));
    }

    /// <summary>
    /// Writes one compact line per window (<c>{"schema","type":"window","input","start_s","end_s","audio_delay_ms","confidence"}</c>)
    /// and then one summary line: the whole report without <c>windows</c>, with <c>"type":"summary"</c> first.
    /// </summary>
    public static void WriteJsonLines(SyncReport report, TextWriter writer)
    {
        foreach (var window in report.Windows)
        {
            var line = new JsonObject
            {
                ["schema"] = report.Schema,
                ["type"] = "window",
                ["input"] = report.Input,
                ["start_s"] = window.StartS,
                ["end_s"] = window.EndS,
                ["audio_delay_ms"] = window.AudioDelayMs,
                ["confidence"] = window.Confidence,
            };
            writer.WriteLine(Write(line));
        }

        var full = JsonSerializer.SerializeToNode(report, ReportJsonContext.Default.SyncReport)!.AsObject();
        var summary = new JsonObject { ["type"] = "summary" };
        foreach (var (key, value) in full)
        {
            if (key != "windows")
            {
                summary[key] = value?.DeepClone();
            }
        }

        writer.WriteLine(Write(summary));
    }

    private static string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            node.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
