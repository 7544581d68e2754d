using System.Globalization;
using System.Text.Json;
using Avts.Live.Pipeline;

namespace Avts.Live.Monitor;

/// <summary>
/// Writes live results and status changes as lines (text or JSON lines) to one writer. Calls may come from several
/// threads (one per stream); each line is written whole and flushed so a pipe reader sees it at once.
/// </summary>
public sealed class LiveLineWriter(TextWriter output, LiveOutputFormat format)
{
    private readonly Lock gate = new();

    /// <summary>Writes one window result.</summary>
    public void Write(LiveWindowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteLine(format == LiveOutputFormat.Jsonl ? ToJson(result) : ToText(result));
    }

    /// <summary>Writes one status change.</summary>
    public void Write(StreamStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        WriteLine(format == LiveOutputFormat.Jsonl ? ToJson(change) : ToText(change));
    }

    /// <summary>The JSON line of a window result (schema avts.live.window/1).</summary>
    public static string ToJson(LiveWindowResult r)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", LiveWindowResult.Schema);
            json.WriteString("stream", r.Stream);
            json.WriteNumber("t_start", Math.Round(r.StartSeconds, 3));
            json.WriteNumber("t_end", Math.Round(r.EndSeconds, 3));
            WriteNullable(json, "audio_delay_ms", r.AudioDelayMs, 1);
            WriteNullable(json, "raw_delay_ms", r.RawDelayMs, 1);
            json.WriteNumber("confidence", Math.Round(r.Confidence, 3));
            json.WriteString("state", r.State.WireName());
            WriteNullable(json, "drift_ms_per_min", r.DriftMsPerMinute, 2);
            json.WriteBoolean("alert", r.Alert);
            json.WriteNumber("latency_ms", Math.Round(r.LatencyMs, 1));
            json.WriteNumber("dropped_windows", r.DroppedWindows);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The JSON line of a status change (schema avts.live.status/1).</summary>
    public static string ToJson(StreamStatusChange c)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", StreamStatusChange.Schema);
            json.WriteString("stream", c.Stream);
            json.WriteString("at", c.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("state", c.State.WireName());
            if (c.Detail is null)
            {
                json.WriteNull("detail");
            }
            else
            {
                json.WriteString("detail", c.Detail);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The text line of a window result.</summary>
    public static string ToText(LiveWindowResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Stream,-12} {r.StartSeconds,9:0.00}-{r.EndSeconds,-9:0.00} {Ms(r.AudioDelayMs),9} ms  raw {Ms(r.RawDelayMs),9}  conf {r.Confidence:0.00}  {r.State.WireName(),-12} drift {Drift(r.DriftMsPerMinute),7} ms/min  {(r.Alert ? "ALERT" : "ok"),-5} lat {r.LatencyMs,5:0} ms  drops {r.DroppedWindows}");

    /// <summary>The text line of a status change.</summary>
    public static string ToText(StreamStatusChange c) =>
        $"{c.Stream,-12} -- {c.State.WireName()}{(c.Detail is null ? string.Empty : ": " + c.Detail)}";

    private static string Ms(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";

    private static string Drift(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value, int digits)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, digits));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private void WriteLine(string line)
    {
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
