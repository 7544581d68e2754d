namespace Avts.Training.Training;

/// <summary>
/// Draws one of a set of items with probability proportional to its weight (cumulative weights, binary search). The
/// training sets mix one speaker's thousand GRID clips with a few dozen clips of many speakers: drawn uniformly, the
/// many speakers would be 4 % of what the net sees, and it would learn the one speaker.
/// </summary>
public sealed class WeightedDraw
{
    private readonly int[] items;
    private readonly double[] cumulative;

    /// <summary>A draw over <paramref name="items"/>, each weighted by <paramref name="weightOf"/> (positive).</summary>
    public WeightedDraw(IReadOnlyList<int> items, Func<int, double> weightOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weightOf);
        if (items.Count == 0)
        {
            throw new ArgumentException("A weighted draw needs at least one item.", nameof(items));
        }

        this.items = [.. items];
        cumulative = new double[items.Count];
        double sum = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var weight = weightOf(items[i]);
            if (!(weight > 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"Item {items[i]} has weight {weight}; weights must be positive and finite.", nameof(weightOf));
            }

            sum += weight;
            cumulative[i] = sum;
        }
    }

    /// <summary>One item.</summary>
    public int Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return items[Math.Min(index, items.Length - 1)];
    }
}
