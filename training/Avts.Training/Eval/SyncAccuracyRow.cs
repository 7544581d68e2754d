using Avts.Engine.Benchmarks;

namespace Avts.Training.Eval;

/// <summary>One task of <c>avts bench sync</c> for one model, over several seeds (each seed draws other pairs).</summary>
/// <param name="Features">"avts" (the checkpoint) or "random" (same architecture, untrained: the chance baseline).</param>
/// <param name="Task">"easy" (positives + easy negatives), "hard" (positives + hard negatives) or "offset_40ms".</param>
/// <param name="AccuracyMean">Mean over the seeds, 0..1.</param>
/// <param name="AccuracyStd">Population standard deviation over the seeds.</param>
/// <param name="Folds">The accuracy of each seed, in seed order.</param>
/// <param name="Pairs">Pairs scored per seed.</param>
/// <param name="ThresholdSource">Where the distance threshold came from (never the evaluated data).</param>
public sealed record SyncAccuracyRow(
    string Features,
    string Task,
    double AccuracyMean,
    double AccuracyStd,
    IReadOnlyList<double> Folds,
    int Pairs,
    string ThresholdSource)
{
    /// <summary>The three task rows of one model's runs (one run per seed).</summary>
    public static IEnumerable<SyncAccuracyRow> FromRuns(string features, IReadOnlyList<SyncBenchmarkResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var tasks = new (string Name, Func<SyncBenchmarkResult, double> Value)[]
        {
            ("easy", r => r.Result.EasyAccuracy),
            ("hard", r => r.Result.HardAccuracy),
            ("offset_40ms", r => r.Result.OffsetAccuracy40Ms),
        };
        foreach (var (name, value) in tasks)
        {
            var folds = runs.Select(value).ToList();

            // A seed whose set was empty reads NaN: kept in the folds, left out of the mean and std.
            var stats = AccuracyRow.FromFolds(features, [.. folds.Where(double.IsFinite)]);
            yield return new SyncAccuracyRow(features, name, stats.AccuracyMean, stats.AccuracyStd, folds, runs.Count > 0 ? runs[0].Pairs : 0, runs.Count > 0 ? runs[0].ThresholdSource : "");
        }
    }
}
