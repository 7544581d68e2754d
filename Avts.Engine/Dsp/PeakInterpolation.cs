namespace Avts.Engine.Dsp;

/// <summary>Sub-sample location of a sampled peak.</summary>
internal static class PeakInterpolation
{
    /// <summary>
    /// Offset in samples (-0.5..0.5) of the vertex of the parabola through (-1, <paramref name="left"/>),
    /// (0, <paramref name="centre"/>), (1, <paramref name="right"/>). Zero when the three points are not a peak.
    /// </summary>
    public static double Parabolic(double left, double centre, double right)
    {
        var denominator = left - (2 * centre) + right;
        if (!(denominator < 0) || double.IsNaN(left) || double.IsNaN(right))
        {
            return 0;
        }

        return Math.Clamp(0.5 * (left - right) / denominator, -0.5, 0.5);
    }

    /// <summary>Index of the largest non-NaN value, or -1 when there is none.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Fractional index of the curve's maximum (argmax refined by <see cref="Parabolic"/>), or NaN.</summary>
    public static double Refine(ReadOnlySpan<double> values)
    {
        var peak = ArgMax(values);
        if (peak < 0)
        {
            return double.NaN;
        }

        if (peak == 0 || peak == values.Length - 1)
        {
            return peak;
        }

        return peak + Parabolic(values[peak - 1], values[peak], values[peak + 1]);
    }
}
