using System.Globalization;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// k-fold cross-validation of <see cref="SoftmaxRegression"/> by the dataset's own folds: each fold is tested once by
/// a classifier fitted on all the other folds. λ is chosen without looking at the test fold: by leave-one-fold-out
/// accuracy over the training folds alone (ties go to the larger λ, the simpler model), then refitted on all of them.
/// </summary>
public static class FoldedClassification
{
    /// <summary>
    /// Serialises the save / set-to-1 / restore of torch's process-wide thread count, so two evaluations running at
    /// once (parallel tests) cannot leave the process at one thread.
    /// </summary>
    private static readonly Lock ThreadsGate = new();

    /// <summary>L2 strengths tried by the inner cross-validation.</summary>
    public static IReadOnlyList<double> L2Grid { get; } = [1e-3, 1e-2, 1e-1, 1];

    /// <summary>λ used when only one training fold exists (no inner cross-validation possible).</summary>
    public const double FallbackL2 = 1e-2;

    /// <summary>Describes the classifier and the folds, for the protocol line.</summary>
    public static string Describe(int folds) => string.Create(
        CultureInfo.InvariantCulture,
        $"multinomial logistic regression (softmax, L2 λ from {{{string.Join(", ", L2Grid)}}} by leave-one-fold-out CV on the training folds only), features standardised with training-fold statistics; {folds}-fold CV by the dataset's folds, accuracy per test fold");

    /// <summary>Accuracy of each fold in <paramref name="folds"/> order, 0..1.</summary>
    /// <param name="features">One feature row per clip.</param>
    /// <param name="labels">Class index of each clip.</param>
    /// <param name="clipFolds">Fold of each clip.</param>
    /// <param name="folds">The folds to test, in report order.</param>
    /// <param name="classCount">Number of classes.</param>
    public static IReadOnlyList<double> Evaluate(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, IReadOnlyList<int> clipFolds, IReadOnlyList<int> folds, int classCount) =>
        [.. EvaluateChoosing([features], labels, clipFolds, folds, classCount).Select(f => f.Accuracy)];

    /// <summary>
    /// Like <see cref="Evaluate"/> with several candidate representations of every clip (e.g. one per network
    /// stage): for each test fold the inner cross-validation over the training folds picks the candidate together
    /// with λ (ties: the earlier candidate), so the choice never sees the test fold. Returns each fold's accuracy and
    /// the index of the candidate it used.
    /// </summary>
    public static IReadOnlyList<(double Accuracy, int Candidate)> EvaluateChoosing(
        IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<int> labels, IReadOnlyList<int> clipFolds, IReadOnlyList<int> folds, int classCount)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(clipFolds);
        ArgumentNullException.ThrowIfNull(folds);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Need at least one candidate representation.", nameof(candidates));
        }

        // The fits are thousands of tiny matrix products: one torch thread avoids the OpenMP hand-offs that made them
        // many times slower on a busy 2-core machine, and keeps the sums in one order.
        lock (ThreadsGate)
        {
            var threads = TorchThreads.Count;
            TorchThreads.Set(1);
            try
            {
                return [.. folds.Select(test => TestFold(candidates, labels, clipFolds, test, classCount))];
            }
            finally
            {
                TorchThreads.Set(threads);
            }
        }
    }

    private static (double Accuracy, int Candidate) TestFold(
        IReadOnlyList<IReadOnlyList<float[]>> candidates, IReadOnlyList<int> labels, IReadOnlyList<int> clipFolds, int test, int classCount)
    {
        var training = Enumerable.Range(0, labels.Count).Where(i => clipFolds[i] != test).ToList();
        var testing = Enumerable.Range(0, labels.Count).Where(i => clipFolds[i] == test).ToList();
        var best = (Candidate: 0, L2: FallbackL2, Accuracy: double.NegativeInfinity);
        for (var c = 0; c < candidates.Count; c++)
        {
            var (l2, accuracy) = ChooseL2(candidates[c], labels, clipFolds, training, classCount);

            // Strictly better only: on a tie the earlier candidate stays.
            if (accuracy > best.Accuracy)
            {
                best = (c, l2, accuracy);
            }
        }

        return (FitAndScore(candidates[best.Candidate], labels, training, testing, classCount, best.L2), best.Candidate);
    }

    private static (double L2, double Accuracy) ChooseL2(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, IReadOnlyList<int> clipFolds, List<int> training, int classCount)
    {
        var innerFolds = training.Select(i => clipFolds[i]).Distinct().Order().ToList();
        if (innerFolds.Count < 2)
        {
            return (FallbackL2, 0);
        }

        var best = (L2: FallbackL2, Accuracy: double.NegativeInfinity);
        foreach (var l2 in L2Grid)
        {
            var accuracy = innerFolds.Average(inner => FitAndScore(
                features,
                labels,
                [.. training.Where(i => clipFolds[i] != inner)],
                [.. training.Where(i => clipFolds[i] == inner)],
                classCount,
                l2));

            // >= : the grid ascends, so a tie moves to the larger λ.
            if (accuracy >= best.Accuracy)
            {
                best = (l2, accuracy);
            }
        }

        return best;
    }

    private static double FitAndScore(
        IReadOnlyList<float[]> features, IReadOnlyList<int> labels, List<int> training, List<int> testing, int classCount, double l2)
    {
        if (testing.Count == 0)
        {
            return double.NaN;
        }

        var model = SoftmaxRegression.Fit([.. training.Select(i => features[i])], [.. training.Select(i => labels[i])], classCount, l2);
        var predicted = model.Predict([.. testing.Select(i => features[i])]);
        return (double)testing.Where((clip, k) => predicted[k] == labels[clip]).Count() / testing.Count;
    }
}
