using System.Globalization;
using System.Text;
using Avts.Engine.Benchmarks;

namespace Avts.Training.Eval;

/// <summary>The table <c>avts bench sync</c> prints: one line per model and task, mean ± std over the seeds.</summary>
public static class SyncBenchTable
{
    /// <summary>Formats <paramref name="report"/> as a markdown table under a one-line heading.</summary>
    public static string Format(BenchmarkReport<SyncAccuracyRow> report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sync benchmark on {report.Dataset}, {report.ElapsedSeconds:0.0} s");
        text.AppendLine("| model | task | accuracy | ± std | per seed | pairs/seed | threshold |");
        text.AppendLine("|---|---|---:|---:|---|---:|---|");
        foreach (var row in report.Results)
        {
            var seeds = string.Join(" ", row.Folds.Select(ShareText.Percent));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Features} | {row.Task} | {ShareText.Percent(row.AccuracyMean)} | {ShareText.Percent(row.AccuracyStd)} | {seeds} | {row.Pairs} | {row.ThresholdSource} |");
        }

        return text.ToString();
    }
}
