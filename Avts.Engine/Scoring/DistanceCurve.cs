using Avts.Engine.Dsp;
using Avts.Engine.Model;

namespace Avts.Engine.Scoring;

/// <summary>
/// Reading a distance curve (lower is better) over candidate delays: where its minimum is, to sub-step precision, and
/// how clearly it stands out.
/// <para>
/// Raw score = (median − min) · (1 − exp(−r / 0.15)), with r = (rival − min) / (median − min): the SyncNet-style
/// margin of the minimum below the median distance, shrunk when another local minimum outside the main dip (found as
/// <see cref="PeakConfidence.SecondPeak"/> finds rival peaks) is almost as low, since a periodic or ambiguous input
/// has two equally good delays. Distances lie in [0, 2]; a trained model puts in-sync pairs well below its
/// contrastive margin (0.99) and shifted ones above it, so a clear minimum scores tenths, an untrained or blind model
/// hundredths.
/// </para>
/// <para>
/// Confidence = the model card's calibration table applied to the raw score when the card has one (linear
/// interpolation, clamped), else the uncalibrated default 1 − exp(−max(0, score − <see cref="ScoreFloor"/>) /
/// <see cref="ScoreScale"/>): 0 up to a margin of 0.05, 0.63 at 0.2, 0.95 at 0.5. These two constants are guesses
/// until the trained network is measured on held-out data; the calibration table replaces them without a code change.
/// </para>
/// </summary>
internal static class DistanceCurve
{
    /// <summary>Raw scores up to this count as no evidence (uncalibrated default).</summary>
    public const double ScoreFloor = 0.05;

    /// <summary>Raw score above the floor that gives confidence 1 − 1/e (uncalibrated default).</summary>
    public const double ScoreScale = 0.15;

    /// <summary>Rival ratio giving the rival factor 1 − 1/e (as the margin term of <see cref="PeakConfidence"/>).</summary>
    private const double RivalScale = 0.15;

    /// <summary>Index of the smallest non-NaN distance, or -1 when there is none.</summary>
    public static int ArgMin(ReadOnlySpan<double> distances) => PeakInterpolation.ArgMax(Negate(distances));

    /// <summary>Fractional index of the minimum, refined by a parabola through it and its neighbours; NaN when none.</summary>
    public static double Refine(ReadOnlySpan<double> distances) => PeakInterpolation.Refine(Negate(distances));

    /// <summary>
    /// The refined minimum as an audio delay in ms: index i of a curve searched from −<paramref name="maxShift"/> steps
    /// is the delay (i − maxShift) · step, positive = the sound is late (the audio taken from later matched best).
    /// </summary>
    public static double DelayMs(ReadOnlySpan<double> distances, int maxShift, double stepMs) =>
        (Refine(distances) - maxShift) * stepMs;

    /// <summary>
    /// Whether the minimum sits on the first or last scored candidate, i.e. next to the end of the curve or to an
    /// unscored (NaN) shift (a slope: the true delay may lie outside what was scored).
    /// </summary>
    public static bool MinimumOnEdge(ReadOnlySpan<double> distances)
    {
        var min = ArgMin(distances);
        return min >= 0 && (min == 0 || min == distances.Length - 1 || double.IsNaN(distances[min - 1]) || double.IsNaN(distances[min + 1]));
    }

    /// <summary>The raw score described on the type; 0 for a flat, empty or too short curve.</summary>
    public static double Score(ReadOnlySpan<double> distances, double stepSeconds)
    {
        var min = ArgMin(distances);
        var valid = new List<double>(distances.Length);
        foreach (var d in distances)
        {
            if (!double.IsNaN(d))
            {
                valid.Add(d);
            }
        }

        if (min < 0 || valid.Count < 5)
        {
            return 0;
        }

        valid.Sort();
        var median = valid.Count % 2 == 1 ? valid[valid.Count / 2] : 0.5 * (valid[(valid.Count / 2) - 1] + valid[valid.Count / 2]);
        var margin = median - distances[min];
        if (!(margin > 0))
        {
            return 0;
        }

        var negated = Negate(distances);
        var second = PeakConfidence.SecondPeak(negated, min, -median, stepSeconds);
        var rival = double.IsNaN(second) ? 1 : Math.Max(0, (-second - distances[min]) / margin);
        return margin * (1 - Math.Exp(-rival / RivalScale));
    }

    /// <summary>Confidence 0..1 for a raw score: the calibration table when given, else the default squash.</summary>
    public static double Confidence(double score, IReadOnlyList<CalibrationPoint>? calibration)
    {
        if (calibration is not { Count: > 0 })
        {
            return 1 - Math.Exp(-Math.Max(0, score - ScoreFloor) / ScoreScale);
        }

        if (score <= calibration[0].Score)
        {
            return Math.Clamp(calibration[0].Probability, 0, 1);
        }

        for (var i = 1; i < calibration.Count; i++)
        {
            var (lo, hi) = (calibration[i - 1], calibration[i]);
            if (score <= hi.Score)
            {
                var t = hi.Score > lo.Score ? (score - lo.Score) / (hi.Score - lo.Score) : 1;
                return Math.Clamp(lo.Probability + (t * (hi.Probability - lo.Probability)), 0, 1);
            }
        }

        return Math.Clamp(calibration[^1].Probability, 0, 1);
    }

    private static double[] Negate(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = -values[i];
        }

        return result;
    }
}
