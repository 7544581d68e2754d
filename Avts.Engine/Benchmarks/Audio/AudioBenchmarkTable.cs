using System.Globalization;
using System.Text;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>Renders an audio classification report as a Markdown table: features, mean ± std, accuracy per fold.</summary>
public static class AudioBenchmarkTable
{
    /// <summary>Formats <paramref name="report"/> for a terminal or a Markdown file.</summary>
    public static string Format(BenchmarkReport<AccuracyRow> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var foldCount = report.Results.Count == 0 ? 0 : report.Results.Max(r => r.Folds.Count);
        var text = new StringBuilder();
        text.AppendLine(inv, $"{report.Benchmark}: {report.Dataset}");
        text.AppendLine();
        text.AppendLine("| features | accuracy mean ± std | " + string.Join(" | ", Enumerable.Range(1, foldCount).Select(f => $"fold {f}")) + " |");
        text.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", foldCount)));
        foreach (var row in report.Results)
        {
            text.AppendLine(inv, $"| {row.Features} | {ShareText.Percent(row.AccuracyMean)} ± {ShareText.Percent(row.AccuracyStd)} | {string.Join(" | ", row.Folds.Select(ShareText.Percent))} |");
        }

        text.AppendLine();
        text.AppendLine(inv, $"Protocol: {report.Protocol}.");
        text.AppendLine(inv, $"{report.ElapsedSeconds:0.0} s.");
        return text.ToString();
    }
}
