namespace Avts.Engine.Scoring;

/// <summary>
/// How well confidences match observed accuracy: reliability bins and the expected calibration error
/// ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b| over equal-width bins of [0, 1].
/// </summary>
public static class Reliability
{
    /// <summary>Bins of the usual reliability diagram (and of the ECE the issue asks for).</summary>
    public const int DefaultBinCount = 10;

    /// <summary>
    /// Sorts <paramref name="predictions"/> (<see cref="CalibrationSample.Score"/> read as a confidence, clamped to
    /// [0, 1]) into <paramref name="binCount"/> equal-width bins; a confidence of exactly 1 goes to the last bin.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Bins(IEnumerable<CalibrationSample> predictions, int binCount = DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        var confidenceSums = new double[binCount];
        var correctCounts = new int[binCount];
        foreach (var prediction in predictions)
        {
            var confidence = Math.Clamp(double.IsNaN(prediction.Score) ? 0 : prediction.Score, 0, 1);
            var bin = Math.Min((int)(confidence * binCount), binCount - 1);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            correctCounts[bin] += prediction.Correct ? 1 : 0;
        }

        return Enumerable.Range(0, binCount)
            .Select(b => new ReliabilityBin(
                (double)b / binCount,
                (double)(b + 1) / binCount,
                counts[b],
                counts[b] > 0 ? confidenceSums[b] / counts[b] : double.NaN,
                counts[b] > 0 ? (double)correctCounts[b] / counts[b] : double.NaN))
            .ToList();
    }

    /// <summary>The expected calibration error of <paramref name="bins"/>; NaN when they hold no estimate.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var total = bins.Sum(b => b.Count);
        if (total == 0)
        {
            return double.NaN;
        }

        return bins.Where(b => b.Count > 0).Sum(b => (double)b.Count / total * Math.Abs(b.Accuracy - b.MeanConfidence));
    }
}
