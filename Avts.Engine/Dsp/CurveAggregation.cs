using Avts.Engine.Scoring;

namespace Avts.Engine.Dsp;

/// <summary>Combines correlation curves over the same lags: cues within a window, windows into the overall curve.</summary>
internal static class CurveAggregation
{
    /// <summary>
    /// Weighted mean of cue curves, each weighted by the confidence of its own peak, so a cue that sees nothing (a
    /// flat or noisy curve) does not dilute one that does. When no cue has a confident peak they count equally.
    /// A lag is NaN when a cue that carries weight has no score there. Null when no cue has any score.
    /// </summary>
    public static double[]? CombineCues(IReadOnlyList<double[]> curves, double stepSeconds, int correlatedPoints)
    {
        var usable = curves.Where(c => PeakInterpolation.ArgMax(c) >= 0).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        var weights = usable.Select(c => PeakConfidence.Of(c, PeakInterpolation.ArgMax(c), stepSeconds, correlatedPoints)).ToArray();
        if (weights.Sum() <= 0)
        {
            Array.Fill(weights, 1.0);
        }

        var length = usable[0].Length;
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            double sum = 0, total = 0;
            for (var c = 0; c < usable.Count; c++)
            {
                if (weights[c] <= 0)
                {
                    continue;
                }

                if (double.IsNaN(usable[c][i]))
                {
                    sum = double.NaN;
                    break;
                }

                sum += weights[c] * usable[c][i];
                total += weights[c];
            }

            result[i] = double.IsNaN(sum) || total <= 0 ? double.NaN : sum / total;
        }

        return result;
    }

    /// <summary>
    /// Confidence-weighted mean of window curves at every lag (over the windows that score that lag). When no window
    /// is confident at all, a plain mean (the curve is still drawn; the caller reports low confidence).
    /// </summary>
    public static double[] Combine(IReadOnlyList<(double[] Curve, double Confidence)> windows, int length)
    {
        var anyConfident = windows.Any(w => w.Confidence > 0);
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            double sum = 0, total = 0;
            foreach (var (curve, confidence) in windows)
            {
                var weight = anyConfident ? confidence : 1;
                if (weight > 0 && !double.IsNaN(curve[i]))
                {
                    sum += weight * curve[i];
                    total += weight;
                }
            }

            result[i] = total > 0 ? sum / total : double.NaN;
        }

        return result;
    }

    /// <summary>The curve as delays in milliseconds (lag index i is delay (i - maxLag) * step); NaN lags are dropped.</summary>
    public static OffsetCurve ToOffsetCurve(double[] curve, int maxLag, double stepSeconds)
    {
        var delays = new List<double>(curve.Length);
        var scores = new List<double>(curve.Length);
        for (var i = 0; i < curve.Length; i++)
        {
            if (!double.IsNaN(curve[i]))
            {
                delays.Add((i - maxLag) * stepSeconds * 1000);
                scores.Add(curve[i]);
            }
        }

        return new OffsetCurve([.. delays], [.. scores], "correlation");
    }
}
