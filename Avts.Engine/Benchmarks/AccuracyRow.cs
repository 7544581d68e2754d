namespace Avts.Engine.Benchmarks;

/// <summary>One compared feature set in a cross-validated classification benchmark.</summary>
/// <param name="Features">Which features (or initialisation): "avts", "logmel", "random", "scratch", ….</param>
/// <param name="AccuracyMean">Mean accuracy over the folds, 0..1.</param>
/// <param name="AccuracyStd">Population standard deviation of the fold accuracies.</param>
/// <param name="Folds">Accuracy of each fold, in fold order.</param>
public sealed record AccuracyRow(
    string Features,
    double AccuracyMean,
    double AccuracyStd,
    IReadOnlyList<double> Folds)
{
    /// <summary>A row from per-fold accuracies.</summary>
    public static AccuracyRow FromFolds(string features, IReadOnlyList<double> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0)
        {
            return new AccuracyRow(features, double.NaN, double.NaN, folds);
        }

        var mean = folds.Average();
        var std = Math.Sqrt(folds.Sum(a => (a - mean) * (a - mean)) / folds.Count);
        return new AccuracyRow(features, mean, std, folds);
    }
}
