using System.Globalization;
using System.Text;
using System.Text.Json;

using Avts.Engine.Model;
using Avts.Training.Eval;

namespace Avts.Training.Calibration;

/// <summary>Prints a <see cref="CalibrationResult"/> as an aligned table or as one JSON object (NaN as null).</summary>
public static class CalibrationReport
{
    /// <summary>The human-readable report.</summary>
    public static string Table(CalibrationResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"calibration: {o.Weights} fitted on {o.Data} ({run.FitVideos} videos, {run.FitSamples} windows, {ReportValues.Format(100 * run.FitAccuracy, "0.0")} % within ±40 ms; seed {o.Seed})"));
        text.AppendLine(Invariant($"  shifts {string.Join(' ', o.ShiftsMs.Select(s => ReportValues.Format(s, "0.#")))} ms, window {ReportValues.Format(o.Analysis.WindowSeconds, "0.##")} s, range ±{ReportValues.Format(o.Analysis.RangeSeconds, "0.##")} s"));
        var where = run.EvalSource == "held-out" ? $"held-out {o.HeldOut}" : "the fit data (no --held-out: in-sample, optimistic)";
        text.AppendLine(Invariant($"  measured on {where}: {run.EvalVideos} videos, {run.EvalSamples} windows, {ReportValues.Format(100 * run.EvalAccuracy, "0.0")} % within ±40 ms"));
        text.AppendLine(Invariant($"  ECE (10 bins)                   {ReportValues.Format(run.Ece, "0.000")}   (uncalibrated default: {ReportValues.Format(run.UncalibratedEce, "0.000")})"));
        text.AppendLine(Invariant($"  undetermined (confidence < {ReportValues.Format(run.CommitThreshold, "0.##")})  {ReportValues.Format(100 * run.UndeterminedShare, "0.0")} %   (committed windows: {ReportValues.Format(100 * run.CommittedAccuracy, "0.0")} % correct)"));
        if (run.ShortEvalSamples > 0 && run.ShortEvalSamples < run.EvalSamples)
        {
            text.AppendLine(Invariant($"  ECE of short windows (< {ReportValues.Format(run.ShortBelowSeconds, "0.##")} s)   {ReportValues.Format(run.ShortWindowsEce, "0.000")}   ({run.ShortEvalSamples} windows; full windows: {ReportValues.Format(run.FullWindowsEce, "0.000")})"));
        }

        var which = run.ShortTable is null ? "every window" : Invariant($"windows of {ReportValues.Format(run.ShortBelowSeconds, "0.##")} s or more");
        AppendTable(text, $"table for {which}", run.Table);
        if (run.ShortTable is not null)
        {
            AppendTable(text, Invariant($"table for shorter windows"), run.ShortTable);
        }

        text.AppendLine("  reliability:  confidence   windows  mean conf  accuracy");
        foreach (var bin in run.Bins)
        {
            text.AppendLine(Invariant($"                {ReportValues.Format(bin.Lower, "0.0")}-{ReportValues.Format(bin.Upper, "0.0")}  {bin.Count,9}  {ReportValues.Format(bin.MeanConfidence, "0.000"),9}  {ReportValues.Format(bin.Accuracy, "0.000"),8}"));
        }

        text.AppendLine(run.CardWritten is null ? "  card: not written (--write stores the table)" : $"  card: written to {run.CardWritten}");
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string title, IReadOnlyList<CalibrationPoint> table)
    {
        text.AppendLine(Invariant($"  {title} ({table.Count} points, raw score -> P(correct)):"));
        foreach (var point in table)
        {
            text.AppendLine(Invariant($"    {ReportValues.Format(point.Score, "0.0000"),8}  ->  {ReportValues.Format(point.Probability, "0.000")}"));
        }
    }

    /// <summary>The JSON object (one line).</summary>
    public static string Json(CalibrationResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("command", "calibrate");
            json.WriteString("weights", o.Weights);
            json.WriteString("data", o.Data);
            json.WriteString("held_out", o.HeldOut);
            json.WriteNumber("seed", o.Seed);
            json.WriteStartArray("shifts_ms");
            foreach (var shift in o.ShiftsMs)
            {
                json.WriteNumberValue(shift);
            }

            json.WriteEndArray();
            json.WriteNumber("window_s", o.Analysis.WindowSeconds);
            json.WriteNumber("range_s", o.Analysis.RangeSeconds);
            json.WriteNumber("fit_videos", run.FitVideos);
            json.WriteNumber("fit_samples", run.FitSamples);
            ReportValues.WriteNumberOrNull(json, "fit_accuracy", run.FitAccuracy);
            json.WriteString("ece_source", run.EvalSource);
            json.WriteNumber("eval_videos", run.EvalVideos);
            json.WriteNumber("eval_samples", run.EvalSamples);
            ReportValues.WriteNumberOrNull(json, "eval_accuracy", run.EvalAccuracy);
            ReportValues.WriteNumberOrNull(json, "ece", run.Ece);
            ReportValues.WriteNumberOrNull(json, "ece_uncalibrated", run.UncalibratedEce);
            ReportValues.WriteNumberOrNull(json, "commit_threshold", run.CommitThreshold);
            ReportValues.WriteNumberOrNull(json, "undetermined_share", run.UndeterminedShare);
            ReportValues.WriteNumberOrNull(json, "committed_accuracy", run.CommittedAccuracy);
            json.WriteNumber("short_window_s", run.ShortBelowSeconds);
            json.WriteNumber("short_eval_samples", run.ShortEvalSamples);
            ReportValues.WriteNumberOrNull(json, "ece_short", run.ShortWindowsEce);
            ReportValues.WriteNumberOrNull(json, "ece_full", run.FullWindowsEce);
            WriteTable(json, "table", run.Table);
            if (run.ShortTable is null)
            {
                json.WriteNull("short_table");
            }
            else
            {
                WriteTable(json, "short_table", run.ShortTable);
            }

            json.WriteStartArray("bins");
            foreach (var bin in run.Bins)
            {
                json.WriteStartObject();
                ReportValues.WriteNumberOrNull(json, "lower", bin.Lower);
                ReportValues.WriteNumberOrNull(json, "upper", bin.Upper);
                json.WriteNumber("count", bin.Count);
                ReportValues.WriteNumberOrNull(json, "confidence", bin.MeanConfidence);
                ReportValues.WriteNumberOrNull(json, "accuracy", bin.Accuracy);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("card_written", run.CardWritten);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTable(Utf8JsonWriter json, string name, IReadOnlyList<CalibrationPoint> table)
    {
        json.WriteStartArray(name);
        foreach (var point in table)
        {
            json.WriteStartObject();
            ReportValues.WriteNumberOrNull(json, "score", point.Score);
            ReportValues.WriteNumberOrNull(json, "probability", point.Probability);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Every scored window as CSV (set fit|eval, video, injected shift, window start and span, raw score, estimate, calibrated
    /// confidence, correct), so that failures can be traced to their clips.
    /// </summary>
    public static string WindowsCsv(CalibrationResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var calibration = run.Calibration;
        var text = new StringBuilder("set,video,shift_ms,start_s,span_s,raw_score,delay_ms,confidence,correct\n");
        foreach (var (set, windows) in new[] { ("fit", run.FitWindows), ("eval", run.EvalWindows) })
        {
            foreach (var w in windows)
            {
                var confidence = w.Confidence(calibration);
                var delay = w.DelayMs is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "";
                text.Append(Invariant($"{set},\"{w.Video.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{w.ShiftMs},{w.StartSeconds:0.000},{w.SpanSeconds:0.000},{w.RawScore:0.0000},{delay},{confidence:0.0000},{(w.Correct ? 1 : 0)}\n"));
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
