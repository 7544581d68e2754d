using System.Globalization;
using ScottPlot;

namespace Avts.Training.Training;

/// <summary>metrics.csv (one row per epoch, invariant culture) and metrics.png (the curves) in the output folder.</summary>
public sealed class MetricsLog
{
    /// <summary>The CSV header.</summary>
    public const string Header = "epoch,stage,loss,val_easy_acc,val_hard_acc,offset_acc_40ms,clips_per_s,val_pos_dist,val_easy_dist,val_hard_dist,shift_loss";

    private readonly List<EpochMetrics> rows = [];

    /// <summary>Creates the log for <paramref name="folder"/>.</summary>
    public MetricsLog(string folder)
    {
        CsvPath = Path.Combine(folder, "metrics.csv");
        PngPath = Path.Combine(folder, "metrics.png");
    }

    /// <summary>metrics.csv.</summary>
    public string CsvPath { get; }

    /// <summary>metrics.png.</summary>
    public string PngPath { get; }

    /// <summary>Rows so far.</summary>
    public IReadOnlyList<EpochMetrics> Rows => rows;

    /// <summary>
    /// Reads the rows of epochs up to <paramref name="lastEpoch"/> from an existing CSV (resume drops later ones). CSVs
    /// written before the shift_loss column existed load with NaN there.
    /// </summary>
    public void LoadUpTo(int lastEpoch)
    {
        rows.Clear();
        if (!File.Exists(CsvPath))
        {
            return;
        }

        foreach (var line in File.ReadLines(CsvPath).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length < 10)
            {
                continue;
            }

            var row = new EpochMetrics(Int(f[0]), Int(f[1]), Num(f[2]), Num(f[3]), Num(f[4]), Num(f[5]), Num(f[6]), Num(f[7]), Num(f[8]), Num(f[9]), f.Length > 10 ? Num(f[10]) : double.NaN);
            if (row.Epoch <= lastEpoch)
            {
                rows.Add(row);
            }
        }
    }

    /// <summary>Adds a row and rewrites the CSV and the plot.</summary>
    public void Add(EpochMetrics row)
    {
        rows.Add(row);
        var lines = new List<string> { Header };
        lines.AddRange(rows.Select(r => string.Join(',', r.Epoch.ToString(CultureInfo.InvariantCulture), r.Stage.ToString(CultureInfo.InvariantCulture), F(r.Loss), F(r.ValEasyAcc), F(r.ValHardAcc), F(r.OffsetAcc40Ms), F(r.ClipsPerSecond), F(r.ValPosDist), F(r.ValEasyDist), F(r.ValHardDist), F(r.ShiftLoss))));
        File.WriteAllLines(CsvPath, lines);
        SavePlot();
    }

    private void SavePlot()
    {
        var plot = new Plot();
        var x = rows.Select(r => (double)r.Epoch).ToArray();
        AddLine(plot, x, rows.Select(r => r.Loss), "train loss");
        if (rows.Any(r => double.IsFinite(r.ShiftLoss)))
        {
            AddLine(plot, x, rows.Select(r => r.ShiftLoss), "shift loss");
        }
        AddLine(plot, x, rows.Select(r => r.ValEasyAcc), "val easy acc");
        AddLine(plot, x, rows.Select(r => r.ValHardAcc), "val hard acc");
        AddLine(plot, x, rows.Select(r => r.OffsetAcc40Ms), "offset acc (±40 ms)");
        plot.XLabel("epoch");
        plot.Title("AVTS training");
        // Accuracies fit 0..1; a loss above 1 (the shift loss starts near ln of the shift count) widens the axis.
        var top = rows.SelectMany(r => new[] { r.Loss, r.ShiftLoss }).Where(double.IsFinite).Append(1.0).Max();
        plot.Axes.SetLimitsY(0, 1.05 * top);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(PngPath, 800, 500);
    }

    private static void AddLine(Plot plot, double[] x, IEnumerable<double> values, string label)
    {
        // NaN (an empty validation set) would break the scale; such points are drawn at 0.
        var y = values.Select(v => double.IsFinite(v) ? v : 0).ToArray();
        var line = plot.Add.Scatter(x, y);
        line.LegendText = label;
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static double Num(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
