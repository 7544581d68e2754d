using System.Globalization;
using System.Text;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>The text table <c>avts bench ucf101|hmdb51</c> prints: one line per initialisation, then the counts.</summary>
public static class FineTuneTable
{
    /// <summary>Formats <paramref name="report"/>.</summary>
    public static string Format(BenchmarkReport<FineTuneRow> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{report.Benchmark}: {report.Dataset}");
        text.AppendLine(c, $"protocol: {report.Protocol}");
        text.AppendLine();
        text.AppendLine("| init | video acc | ± std | clip acc | video acc per split | final loss | train s |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in report.Results)
        {
            var folds = string.Join(" ", row.Folds.Select(f => ShareText.Percent(f)));
            text.AppendLine(c, $"| {row.Features} | {ShareText.Percent(row.AccuracyMean)} | {ShareText.Percent(row.AccuracyStd)} | {ShareText.Percent(row.ClipAccuracy)} | {folds} | {row.FinalLoss:0.000} | {row.TrainSeconds:0.0} |");
        }

        if (report.Results.Count > 0 && report.Results[0] is { } first)
        {
            text.AppendLine();
            text.AppendLine(c, $"{first.TrainVideos} train videos ({first.TrainClips} clips), {first.TestVideos} test videos ({first.TestClips} clips), {first.SkippedVideos} skipped, {first.Epochs} epochs; {report.ElapsedSeconds:0.0} s in all");
        }

        return text.ToString();
    }
}
