using Avts.Engine.Model;
using Avts.Engine.Scoring;

namespace Avts.Tests.Engine.Scoring;

public sealed class IsotonicCalibrationTests
{
    private static CalibrationSample[] Samples(params (double Score, int Correct)[] data) =>
        data.Select(d => new CalibrationSample(d.Score, d.Correct == 1)).ToArray();

    [Fact]
    public void Fit_PoolsAdjacentViolators_ToTheKnownIsotonicSolution()
    {
        // Sorted by score the outcomes are 0 1 0 1 1 0 1: PAV pools (1 0) at 2-3 and (1 1 0) at 4-6.
        var samples = Samples((7, 1), (1, 0), (3, 0), (2, 1), (5, 1), (4, 1), (6, 0));

        var table = IsotonicCalibration.Fit(samples);

        Assert.Equal(
            [new CalibrationPoint(1, 0), new CalibrationPoint(2.5, 0.5), new CalibrationPoint(5, 2.0 / 3), new CalibrationPoint(7, 1)],
            table);
    }

    [Fact]
    public void Fit_TiedScoresShareOneProbability_AndEqualNeighboursGiveOnePoint()
    {
        var samples = Samples((0, 0), (0, 0), (0.1, 1), (0.1, 0), (0.2, 1), (0.3, 0), (0.3, 1));

        var table = IsotonicCalibration.Fit(samples);

        // The ties at 0.1 pool to 0.5; 0.2 → 1 then pools with the first 0.3 (0), that with the 0.1 block (equal 0.5),
        // and the second 0.3 joins its tie: one block of five samples, 3 right, at mean score 0.2.
        Assert.Equal(2, table.Count);
        Assert.Equal(new CalibrationPoint(0, 0), table[0]);
        Assert.Equal(0.2, table[1].Score, 12);
        Assert.Equal(0.6, table[1].Probability, 12);
    }

    [Fact]
    public void Fit_RandomData_IsMonotone_AtMostMaxPoints_AndKeepsTheMeanAccuracy()
    {
        var random = new Random(5);
        var samples = Enumerable.Range(0, 2000).Select(_ =>
        {
            var score = random.NextDouble();
            return new CalibrationSample(score, random.NextDouble() < score * score);
        }).ToArray();

        var table = IsotonicCalibration.Fit(samples, maxPoints: 12);

        Assert.InRange(table.Count, 2, 12);
        Assert.All(table.Zip(table.Skip(1)), p =>
        {
            Assert.True(p.Second.Score > p.First.Score);
            Assert.True(p.Second.Probability > p.First.Probability);
        });
        Assert.All(table, p => Assert.InRange(p.Probability, 0, 1));

        // P(correct) = score²: near 0 at the low end, near 1 at the top.
        Assert.InRange(table[0].Probability, 0, 0.1);
        Assert.InRange(table[^1].Probability, 0.75, 1);
    }

    [Fact]
    public void Fit_NoFiniteScore_Throws()
    {
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([new CalibrationSample(double.NaN, true)]));
    }

    [Fact]
    public void Ece_KnownExample()
    {
        // Bin 0.2-0.3: 4 at 0.25, 1 right (acc 0.25, gap 0). Bin 0.9-1.0: 2 at 0.9 and 2 at 1.0 (conf 0.95), 2 right (gap 0.45).
        var predictions = Samples((0.25, 1), (0.25, 0), (0.25, 0), (0.25, 0), (0.9, 1), (0.9, 0), (1.0, 1), (1.0, 0));

        var bins = Reliability.Bins(predictions);

        Assert.Equal(10, bins.Count);
        Assert.Equal(4, bins[2].Count);
        Assert.Equal(4, bins[9].Count);
        Assert.Equal(0.95, bins[9].MeanConfidence, 12);
        Assert.Equal(0.5, bins[9].Accuracy, 12);
        Assert.True(double.IsNaN(bins[0].Accuracy));
        Assert.Equal(0.5 * 0.45, Reliability.ExpectedCalibrationError(bins), 12);
        Assert.True(double.IsNaN(Reliability.ExpectedCalibrationError(Reliability.Bins([]))));
    }

    [Fact]
    public void Confidence_WithAFittedTable_InterpolatesAndClamps()
    {
        IReadOnlyList<CalibrationPoint> table = [new(0.1, 0.2), new(0.3, 0.6)];

        Assert.Equal(0.2, DistanceCurve.Confidence(0, table), 12);
        Assert.Equal(0.4, DistanceCurve.Confidence(0.2, table), 12);
        Assert.Equal(0.6, DistanceCurve.Confidence(5, table), 12);
    }
}
