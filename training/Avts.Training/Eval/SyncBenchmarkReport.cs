using System.Globalization;
using System.Text;
using System.Text.Json;
using Avts.Engine.Benchmarks;

namespace Avts.Training.Eval;

/// <summary>Prints a <see cref="SyncBenchmarkResult"/> as an aligned table or as one JSON object (NaN as null).</summary>
public static class SyncBenchmarkReport
{
    /// <summary>The human-readable table.</summary>
    public static string Table(SyncBenchmarkResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        var rows = new (string Name, string Value)[]
        {
            ("easy accuracy (positives + easy negatives)", ShareText.Percent(r.EasyAccuracy)),
            ("hard accuracy (positives + hard negatives)", ShareText.Percent(r.HardAccuracy)),
            ("offset within ±40 ms", ShareText.Percent(r.OffsetAccuracy40Ms)),
            ("median |offset error|", ReportValues.Format(r.MedianAbsOffsetMs, "0") + " ms"),
            ("threshold", $"{ReportValues.Format(r.Threshold, "0.###")} ({run.ThresholdSource})"),
            ("mean distance pos / easy / hard", $"{ReportValues.Format(r.PositiveDistance, "0.###")} / {ReportValues.Format(r.EasyDistance, "0.###")} / {ReportValues.Format(r.HardDistance, "0.###")}"),
        };
        var width = rows.Max(row => row.Name.Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sync benchmark: {run.Weights} on {run.Data} ({run.Clips} clips, {run.Pairs} pairs, seed {run.Seed})");
        foreach (var (name, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {value}");
        }

        return text.ToString();
    }

    /// <summary>The JSON object (one line).</summary>
    public static string Json(SyncBenchmarkResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Result;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("benchmark", "sync");
            json.WriteString("weights", run.Weights);
            json.WriteString("data", run.Data);
            json.WriteNumber("clips", run.Clips);
            json.WriteNumber("pairs", run.Pairs);
            json.WriteNumber("seed", run.Seed);
            ReportValues.WriteNumberOrNull(json, "easy_accuracy", r.EasyAccuracy);
            ReportValues.WriteNumberOrNull(json, "hard_accuracy", r.HardAccuracy);
            ReportValues.WriteNumberOrNull(json, "offset_within_40ms", r.OffsetAccuracy40Ms);
            ReportValues.WriteNumberOrNull(json, "median_offset_error_ms", r.MedianAbsOffsetMs);
            ReportValues.WriteNumberOrNull(json, "threshold", r.Threshold);
            json.WriteString("threshold_source", run.ThresholdSource);
            ReportValues.WriteNumberOrNull(json, "positive_distance", r.PositiveDistance);
            ReportValues.WriteNumberOrNull(json, "easy_distance", r.EasyDistance);
            ReportValues.WriteNumberOrNull(json, "hard_distance", r.HardDistance);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
