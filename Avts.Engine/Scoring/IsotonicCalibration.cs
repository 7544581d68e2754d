using Avts.Engine.Model;

namespace Avts.Engine.Scoring;

/// <summary>
/// Fits a monotone map from raw score to the probability of a correct estimate: isotonic regression by
/// pool-adjacent-violators (PAV) on samples sorted by score, each pooled block becoming one
/// <see cref="CalibrationPoint"/> at its mean score with its share of correct samples. The estimator interpolates
/// linearly between points and clamps outside them (<c>DistanceCurve.Confidence</c>), so the fitted table can be
/// stored as it is in a model card.
/// </summary>
public static class IsotonicCalibration
{
    /// <summary>Most points kept in a table by default: enough for a smooth curve, few enough to read in a card.</summary>
    public const int DefaultMaxPoints = 20;

    /// <summary>
    /// The isotonic fit of <paramref name="samples"/> (non-finite scores are ignored), reduced to at most
    /// <paramref name="maxPoints"/> points. Points come in strictly increasing score and probability order.
    /// </summary>
    /// <exception cref="ArgumentException">No sample has a finite score, or <paramref name="maxPoints"/> is below 1.</exception>
    public static IReadOnlyList<CalibrationPoint> Fit(IEnumerable<CalibrationSample> samples, int maxPoints = DefaultMaxPoints)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var sorted = samples.Where(s => double.IsFinite(s.Score)).OrderBy(s => s.Score).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one sample with a finite score.", nameof(samples));
        }

        var blocks = new List<Block>();
        foreach (var sample in sorted)
        {
            var block = new Block(1, sample.Correct ? 1 : 0, sample.Score, sample.Score);

            // Equal scores must get one probability, so a tie joins the block before it whatever its value.
            if (blocks.Count > 0 && blocks[^1].LastScore == sample.Score)
            {
                block = blocks[^1].Merge(block);
                blocks.RemoveAt(blocks.Count - 1);
            }

            // Pool while the previous block is not below this one (>= so that equal neighbours give one point).
            while (blocks.Count > 0 && blocks[^1].Mean >= block.Mean)
            {
                block = blocks[^1].Merge(block);
                blocks.RemoveAt(blocks.Count - 1);
            }

            blocks.Add(block);
        }

        Reduce(blocks, maxPoints);
        return blocks.Select(b => new CalibrationPoint(b.ScoreSum / b.Weight, b.Mean)).ToList();
    }

    /// <summary>
    /// Merges neighbouring blocks until at most <paramref name="maxPoints"/> remain, each time the pair whose merge adds
    /// the least squared error (Ward: w₁w₂/(w₁+w₂)·(p₁−p₂)²); a merged mean lies between its neighbours, so the table
    /// stays monotone.
    /// </summary>
    private static void Reduce(List<Block> blocks, int maxPoints)
    {
        while (blocks.Count > maxPoints)
        {
            var best = 0;
            var bestCost = double.PositiveInfinity;
            for (var i = 0; i + 1 < blocks.Count; i++)
            {
                var (a, b) = (blocks[i], blocks[i + 1]);
                var gap = a.Mean - b.Mean;
                var cost = a.Weight * b.Weight / (a.Weight + b.Weight) * gap * gap;
                if (cost < bestCost)
                {
                    (best, bestCost) = (i, cost);
                }
            }

            blocks[best] = blocks[best].Merge(blocks[best + 1]);
            blocks.RemoveAt(best + 1);
        }
    }

    /// <summary>A pooled run of samples: count, correct count, sum of scores and the last (largest) score.</summary>
    private readonly record struct Block(double Weight, double CorrectCount, double ScoreSum, double LastScore)
    {
        public double Mean => CorrectCount / Weight;

        public Block Merge(Block next) => new(Weight + next.Weight, CorrectCount + next.CorrectCount, ScoreSum + next.ScoreSum, next.LastScore);
    }
}
