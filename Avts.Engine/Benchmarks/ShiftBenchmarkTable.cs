using System.Globalization;
using System.Text;

namespace Avts.Engine.Benchmarks;

/// <summary>Renders a shift-benchmark result as plain-text tables (per case, then the summaries).</summary>
public static class ShiftBenchmarkTable
{
    /// <summary>Formats <paramref name="result"/> for a terminal or a Markdown file.</summary>
    public static string Format(ShiftBenchmarkResult result)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine("| source | shift ms | method | estimate ms | conf | rel err ms | abs err ms | peak ms | peak rel err ms |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in result.Cases)
        {
            text.AppendLine(inv, $"| {c.Source}{(c.Group == ShiftCase.MainGroup ? "" : $" ({c.Group})")} | {c.ShiftMs:+0;-0;0} | {c.Method} | {Ms(c.EstimateMs)} | {c.Confidence:0.00} | {Ms(c.RelativeErrorMs)} | {Ms(c.AbsoluteErrorMs)} | {Ms(c.PeakMs)} | {Ms(c.PeakRelativeErrorMs)} |");
        }

        text.AppendLine();
        text.AppendLine("| method | group | cases | undetermined | abs within ±80 ms | confidently wrong | false alarms (fail at 0) | rel within ±40 ms | median abs rel err ms | median abs abs err ms | peaks: rel within ±40 ms | peaks: abs within ±80 ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in result.Summaries)
        {
            text.AppendLine(inv, $"| {s.Method} | {s.Group} | {s.Cases} | {s.Undetermined} | {s.ShareAbsoluteWithin80Ms:P1} | {s.ShareConfidentlyWrong:P1} | {s.FalseAlarms} | {s.ShareRelativeWithin40Ms:P1} | {Ms(s.MedianAbsRelativeErrorMs)} | {Ms(s.MedianAbsAbsoluteErrorMs)} | {s.PeakShareRelativeWithin40Ms:P1} | {s.PeakShareAbsoluteWithin80Ms:P1} |");
        }

        if (result.Skipped.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Skipped:");
            foreach (var line in result.Skipped)
            {
                text.AppendLine(inv, $"- {line}");
            }
        }

        text.AppendLine(inv, $"\nShifts {string.Join(", ", result.ShiftsMs.Select(s => s.ToString("+0;-0;0", inv)))} ms, trim {result.TrimSeconds} s each end, {result.ElapsedSeconds:0.0} s.");
        return text.ToString();
    }

    private static string Ms(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
