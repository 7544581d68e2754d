using Avts.Engine.Benchmarks;
using Avts.Engine.Benchmarks.Audio;

namespace Avts.Tests.Engine.Benchmarks.Audio;

public sealed class AudioClassifierTests
{
    [Fact]
    public void SoftmaxRegression_LinearlySeparableThreeClasses_ClassifiesEveryRow()
    {
        var (rows, labels) = Clusters(perClass: 20, spread: 0.3, seed: 1);

        var model = SoftmaxRegression.Fit(rows, labels, classCount: 3, l2: 1e-3);

        Assert.Equal(labels, model.Predict(rows));
    }

    [Fact]
    public void SoftmaxRegression_StandardisesWithTrainingStatistics_SoHugeOffsetsAndScalesDoNotMatter()
    {
        var (rows, labels) = Clusters(perClass: 20, spread: 0.3, seed: 2);
        var shifted = rows.Select(r => new[] { (r[0] * 1000) + 5e4f, (r[1] * 0.001f) - 7f, 3f }).ToList();

        var model = SoftmaxRegression.Fit(shifted, labels, classCount: 3, l2: 1e-3);

        Assert.Equal(labels, model.Predict(shifted));
    }

    [Fact]
    public void FoldedClassification_SeparableClustersInFiveFolds_EveryFoldIsPerfect()
    {
        var (rows, labels) = Clusters(perClass: 10, spread: 0.3, seed: 3);
        var folds = Enumerable.Range(0, rows.Count).Select(i => 1 + (i % 5)).ToList();

        var accuracies = FoldedClassification.Evaluate(rows, labels, folds, [1, 2, 3, 4, 5], classCount: 3);

        Assert.Equal([1.0, 1.0, 1.0, 1.0, 1.0], accuracies);
    }

    [Fact]
    public void FoldedClassification_RandomLabels_StaysNearChance()
    {
        // Features that carry no label information: a classifier that peeked at the test fold would still do well.
        var random = new Random(4);
        var rows = Enumerable.Range(0, 150).Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() }).ToList();
        var labels = Enumerable.Range(0, 150).Select(_ => random.Next(3)).ToList();
        var folds = Enumerable.Range(0, 150).Select(i => 1 + (i % 5)).ToList();

        var accuracies = FoldedClassification.Evaluate(rows, labels, folds, [1, 2, 3, 4, 5], classCount: 3);

        Assert.InRange(accuracies.Average(), 0.15, 0.55);
    }

    [Fact]
    public void FoldedClassification_Choosing_PicksTheInformativeCandidateFromTrainingFoldsAlone()
    {
        var (informative, labels) = Clusters(perClass: 10, spread: 0.3, seed: 5);
        var random = new Random(6);
        var noise = informative.Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble() }).ToList();
        var folds = Enumerable.Range(0, informative.Count).Select(i => 1 + (i % 5)).ToList();

        var outcome = FoldedClassification.EvaluateChoosing([noise, informative], labels, folds, [1, 2, 3, 4, 5], classCount: 3);

        Assert.All(outcome, fold => Assert.Equal((1.0, 1), fold));
    }

    [Fact]
    public void AccuracyRow_FromFolds_MeanAndPopulationStd()
    {
        var row = AccuracyRow.FromFolds("x", [0.5, 1.0, 0.75, 0.75]);

        Assert.Equal(0.75, row.AccuracyMean, 12);
        Assert.Equal(Math.Sqrt(0.125 / 4), row.AccuracyStd, 12);
    }

    [Fact]
    public void LogMelStatistics_BandMeanStdAndDeltaStatistics()
    {
        // Band 0 ramps 0,1,2,3 (mean 1.5, deltas all 1); band 1 is constant 2.
        var logMel = new float[,] { { 0, 1, 2, 3 }, { 2, 2, 2, 2 } };

        var features = LogMelStatistics.Compute(logMel);

        Assert.Equal(8, features.Length);
        Assert.Equal(1.5f, features[0], 5);
        Assert.Equal(2f, features[1], 5);
        Assert.Equal((float)Math.Sqrt(1.25), features[2], 5);
        Assert.Equal(0f, features[3], 5);
        Assert.Equal(1f, features[4], 5);
        Assert.Equal(0f, features[5], 5);
        Assert.Equal(0f, features[6], 5);
    }

    [Fact]
    public void EncoderFeatures_EveryStage_EqualsEachStageAlone_LastFirst()
    {
        using var encoder = EncoderFeatures.Random(Avts.Engine.Model.AvtsModelOptions.Tiny, seed: 4);
        var random = new Random(4);
        var logMel = new float[Avts.Engine.Model.AvtsModelOptions.Tiny.MelBins, 80];
        for (var b = 0; b < logMel.GetLength(0); b++)
        {
            for (var t = 0; t < logMel.GetLength(1); t++)
            {
                logMel[b, t] = (float)random.NextDouble();
            }
        }

        var every = encoder.ComputeEveryStage(logMel);

        Assert.Equal(encoder.StageCount, every.Length);
        for (var k = 0; k < every.Length; k++)
        {
            Assert.Equal(encoder.ComputeAt(logMel, encoder.StageCount - k), every[k]);
        }

        Assert.Equal(encoder.Compute(logMel), every[0]);
    }

    private static (List<float[]> Rows, List<int> Labels) Clusters(int perClass, double spread, int seed)
    {
        var random = new Random(seed);
        float[][] centres = [[0, 0], [3, 0], [0, 3]];
        var rows = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < perClass * 3; i++)
        {
            var c = i % 3;
            rows.Add([centres[c][0] + (float)(spread * (random.NextDouble() - 0.5)), centres[c][1] + (float)(spread * (random.NextDouble() - 0.5))]);
            labels.Add(c);
        }

        return (rows, labels);
    }
}
