using System.Globalization;
using System.Text;

namespace Avts.Engine.Benchmarks;

/// <summary>The plain-text tables of a <see cref="SpeedBenchmarkResult"/>.</summary>
public static class SpeedBenchmarkTable
{
    /// <summary>Check speed, then inference per size, then the matrix-multiply peak.</summary>
    public static string Format(SpeedBenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"bench speed: {result.Machine}; torch threads {result.Threads}");
        var checks = result.Results.OfType<CheckTimingRow>().ToList();
        if (checks.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(c, $"offline check of {result.Media} ({checks[0].MediaSeconds:0.##} s), median of {checks[0].Runs} run(s):");
            text.AppendLine("| step | median s | min s | x real time |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var row in checks)
            {
                text.AppendLine(c, $"| {row.Description} | {row.MedianSeconds:0.000} | {row.MinSeconds:0.000} | {row.XRealTime:0.0} |");
            }
        }

        var inference = result.Results.OfType<InferenceTimingRow>().ToList();
        if (inference.Count > 0)
        {
            var first = inference[0];
            text.AppendLine();
            text.AppendLine(c, $"inference per 1 s window, ±{first.RangeSeconds:0.##} s at 10 ms ({first.Shifts} shifts), {first.Runs} run(s) after a warm-up; ms:");
            text.AppendLine("| size | weights | parameters | min | median | cut inputs | log-mel | video | audio map | shifts | GMAC video / audio | GFLOP | GFLOP/s | % of matmul peak | per clip in a check |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in inference)
            {
                text.AppendLine(c, $"| {row.Size} | {row.Weights} | {row.Parameters:N0} | {row.MinMs:0.0} | {row.MedianMs:0.0} | {row.CutMedianMs:0.0} | {row.LogMelMedianMs:0.0} | {row.VideoMedianMs:0.0} | {row.AudioMapMedianMs:0.0} | {row.ShiftsMedianMs:0.0} | {row.VideoGmac:0.###} / {row.AudioGmac:0.###} | {row.Gflop:0.###} | {row.GflopPerSecond:0.0} | {row.PercentOfPeak:0.0} | {row.CheckClipMs:0.0} |");
            }
        }

        foreach (var peak in result.Results.OfType<MatmulPeakRow>())
        {
            text.AppendLine();
            text.AppendLine(c, $"matmul peak: {peak.Size}x{peak.Size} float32, best of {peak.Runs}: {peak.BestMs:0.00} ms = {peak.GflopPerSecond:0.0} GFLOP/s ({peak.Threads} threads)");
        }

        return text.ToString();
    }
}
