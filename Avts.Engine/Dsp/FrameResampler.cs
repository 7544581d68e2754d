namespace Avts.Engine.Dsp;

/// <summary>Puts per-frame values with their own (possibly variable-rate) timestamps onto a <see cref="TimeGrid"/>.</summary>
internal static class FrameResampler
{
    /// <summary>
    /// Splats each value at its timestamp: a value at fractional grid position p goes to floor(p) and floor(p)+1 with
    /// linear weights, which keeps each event's time (its first moment) exact. The result is a spike train; valid from
    /// the first to the last timestamp. NaN values are skipped.
    /// </summary>
    public static GridSignal Splat(ReadOnlySpan<double> values, ReadOnlySpan<double> timestampsSeconds, TimeGrid grid)
    {
        var result = new double[grid.Count];
        int from = grid.Count, to = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var position = grid.PositionOf(timestampsSeconds[i]);
            var j = (int)Math.Floor(position);
            if (j < 0 || j + 1 >= grid.Count)
            {
                continue;
            }

            from = Math.Min(from, (int)Math.Ceiling(position));
            to = Math.Max(to, j + 1);
            if (double.IsNaN(values[i]))
            {
                continue;
            }

            var fraction = position - j;
            result[j] += (1 - fraction) * values[i];
            result[j + 1] += fraction * values[i];
        }

        return new GridSignal(result, Math.Min(from, to), to);
    }

    /// <summary>
    /// A continuous version of the frame values: splatted values and splatted frame counts are both Gaussian-smoothed
    /// and divided (normalised convolution), so variable frame spacing does not modulate the level.
    /// </summary>
    public static GridSignal Continuous(
        ReadOnlySpan<double> values, ReadOnlySpan<double> timestampsSeconds, TimeGrid grid, double sigmaSeconds)
    {
        var ones = new double[values.Length];
        for (var i = 0; i < ones.Length; i++)
        {
            ones[i] = double.IsNaN(values[i]) ? double.NaN : 1;
        }

        var numerator = Splat(values, timestampsSeconds, grid);
        var density = Splat(ones, timestampsSeconds, grid);
        var sigma = sigmaSeconds / grid.Step;
        var n = Smoothing.Gaussian(numerator.Values, numerator.ValidFrom, numerator.ValidTo, sigma);
        var d = Smoothing.Gaussian(density.Values, density.ValidFrom, density.ValidTo, sigma);
        var result = new double[grid.Count];
        for (var k = numerator.ValidFrom; k < numerator.ValidTo; k++)
        {
            result[k] = d[k] > 1e-9 ? n[k] / d[k] : 0;
        }

        return new GridSignal(result, numerator.ValidFrom, numerator.ValidTo);
    }
}
