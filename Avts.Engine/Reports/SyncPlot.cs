using Avts.Engine.Scoring;
using ScottPlot;

namespace Avts.Engine.Reports;

/// <summary>
/// Renders a check as one PNG, headless: on top the per-window delay over time with the tolerance band, below the
/// overall score curve over candidate delays with the chosen delay marked.
/// </summary>
public static class SyncPlot
{
    /// <summary>Writes the two stacked plots to <paramref name="path"/> (PNG).</summary>
    /// <param name="report">The report (windows, profile, overall delay).</param>
    /// <param name="curve">The overall score curve, when the estimator produced one (otherwise the lower plot says so).</param>
    /// <param name="path">Output PNG path; its directory must exist.</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels (both plots together).</param>
    public static void SavePng(SyncReport report, OffsetCurve? curve, string path, int width = 1000, int height = 800)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // A new Multiplot already holds one empty plot: replace it rather than stacking under it.
        var multiplot = new Multiplot();
        multiplot.Reset(WindowsPlot(report));
        multiplot.AddPlot(CurvePlot(report, curve));
        multiplot.SavePng(path, width, height);
    }

    private static Plot WindowsPlot(SyncReport report)
    {
        var plot = new Plot();
        var profile = report.Profile;
        var band = plot.Add.VerticalSpan(profile.MinMs, profile.MaxMs);
        band.FillStyle.Color = Colors.Green.WithAlpha(0.15);
        band.LineStyle.Width = 0;
        band.LegendText = $"{profile.Name} tolerance";
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);

        var measured = report.Windows.Where(w => w.AudioDelayMs is not null).ToArray();
        if (measured.Length > 0)
        {
            var xs = measured.Select(w => (w.StartS + w.EndS) / 2).ToArray();
            var ys = measured.Select(w => w.AudioDelayMs!.Value).ToArray();
            var points = plot.Add.Scatter(xs, ys);
            points.LegendText = "window delay";
            points.MarkerSize = 7;
            points.LineWidth = 0;
        }

        if (report.AudioDelayMs is { } overall)
        {
            var line = plot.Add.HorizontalLine(overall, 2, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"overall {TextReportWriter.FormatMs(overall)} ms";
        }

        if (report.Windows.Count > 0 && report.Windows[^1].EndS > report.Windows[0].StartS)
        {
            // Span every analysed window, including those without an estimate, so gaps show as gaps.
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsX(report.Windows[0].StartS, report.Windows[^1].EndS);
        }

        plot.Title($"{Path.GetFileName(report.Input)}: audio delay per window ({report.Verdict.ToString().ToUpperInvariant()})");
        plot.XLabel("time (s)");
        plot.YLabel("audio delay (ms, + = sound late)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot CurvePlot(SyncReport report, OffsetCurve? curve)
    {
        var plot = new Plot();
        plot.XLabel("candidate audio delay (ms, + = sound late)");
        if (curve is null || curve.DelaysMs.Length == 0 || curve.DelaysMs.Length != curve.Scores.Length)
        {
            plot.Title("no score curve from this method");
            return plot;
        }

        var scatter = plot.Add.Scatter(curve.DelaysMs, curve.Scores);
        scatter.MarkerSize = 0;
        scatter.LegendText = curve.Kind;
        plot.YLabel(curve.Kind == "distance" ? "distance (lower = better)" : "correlation (higher = better)");
        if (report.AudioDelayMs is { } chosen)
        {
            var marker = plot.Add.VerticalLine(chosen, 2, Colors.Red, LinePattern.Dashed);
            marker.LegendText = $"chosen {TextReportWriter.FormatMs(chosen)} ms";
        }

        plot.Title($"overall {curve.Kind} over candidate delays");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
