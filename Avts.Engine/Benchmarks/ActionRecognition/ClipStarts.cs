namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>Where clips start inside a video: seeded random starts for training, evenly spaced ones for testing.</summary>
public static class ClipStarts
{
    /// <summary><paramref name="count"/> starts drawn uniformly in [<paramref name="first"/>, <paramref name="last"/>], sorted.</summary>
    public static double[] Random(Random random, double first, double last, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var starts = new double[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = first + (random.NextDouble() * (last - first));
        }

        Array.Sort(starts);
        return starts;
    }

    /// <summary><paramref name="count"/> starts evenly spaced from <paramref name="first"/> to <paramref name="last"/> (one: the middle).</summary>
    public static double[] Even(double first, double last, int count) =>
        count == 1
            ? [(first + last) / 2]
            : [.. Enumerable.Range(0, count).Select(i => first + ((last - first) * i / (count - 1)))];
}
