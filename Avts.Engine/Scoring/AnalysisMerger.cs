using Avts.Engine.Dsp;

namespace Avts.Engine.Scoring;

/// <summary>
/// Joins the analyses of consecutive spans of one long input (decoded a span at a time to bound memory) into one
/// analysis: the windows in time order, and an overall delay from the spans' curves combined the way an estimator
/// combines its windows (confidence-weighted mean per candidate delay, then the sub-step refined best).
/// </summary>
public static class AnalysisMerger
{
    /// <summary>Delays closer than this to the merged delay count as agreeing with it.</summary>
    private const double AgreementMs = 40;

    /// <summary>Merges <paramref name="parts"/> (same method, same candidate delays, in time order).</summary>
    public static SyncAnalysis Merge(IReadOnlyList<SyncAnalysis> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        // The face of the most confident span speaks for the merged answer.
        var face = parts.Where(p => p.Face is not null).MaxBy(p => p.Confidence)?.Face;
        var uncertaintyMs = parts.Max(p => p.UncertaintyMs);
        var windows = parts.SelectMany(p => p.Windows)
            .GroupBy(w => Math.Round(w.StartSeconds, 3))
            .Select(g => g.MaxBy(w => w.Confidence)!)
            .OrderBy(w => w.StartSeconds)
            .ToList();
        var curve = CombineCurves(parts);
        if (curve is null)
        {
            return new SyncAnalysis(parts[0].Method, null, 0, false, windows, null) { Face = face, UncertaintyMs = uncertaintyMs };
        }

        var higherIsBetter = curve.Kind != "distance";
        var scores = higherIsBetter ? curve.Scores : [.. curve.Scores.Select(s => -s)];
        var peak = PeakInterpolation.ArgMax(scores);
        if (peak < 0)
        {
            return new SyncAnalysis(parts[0].Method, null, 0, false, windows, curve) { Face = face, UncertaintyMs = uncertaintyMs };
        }

        // Interpolate between the neighbouring candidates: the union of the parts' delays need not be evenly spaced.
        var position = PeakInterpolation.Refine(scores);
        var below = Math.Clamp((int)Math.Floor(position), 0, scores.Length - 1);
        var above = Math.Min(below + 1, scores.Length - 1);
        var delayMs = curve.DelaysMs[below] + ((position - below) * (curve.DelaysMs[above] - curve.DelaysMs[below]));
        var onEdge = peak <= 0 || peak >= scores.Length - 1;

        // The merged delay is as trustworthy as the committed spans that agree with it, together.
        var agreeing = parts.Where(p => p.Synchronizable && p.AudioDelayMs is { } d && Math.Abs(d - delayMs) <= AgreementMs).ToList();
        var confidence = 1 - agreeing.Aggregate(1.0, (product, p) => product * (1 - p.Confidence));
        var synchronizable = agreeing.Count > 0 && !onEdge;
        return new SyncAnalysis(parts[0].Method, synchronizable ? delayMs : null, synchronizable ? confidence : 0, synchronizable, windows, curve)
        {
            PeakDelayMs = onEdge ? null : delayMs,
            Face = face,
            UncertaintyMs = uncertaintyMs,
        };
    }

    /// <summary>Confidence-weighted mean of the parts' curves per candidate delay (plain mean when none is confident).</summary>
    private static OffsetCurve? CombineCurves(IReadOnlyList<SyncAnalysis> parts)
    {
        var withCurves = parts.Where(p => p.Curve is { DelaysMs.Length: > 0 }).ToList();
        if (withCurves.Count == 0)
        {
            return null;
        }

        // "auto" may follow a correlation curve in one span and a distance curve in the next: only curves of the most
        // confident part's kind are averaged (mixing them would be meaningless).
        var kind = withCurves.MaxBy(p => p.Confidence)!.Curve!.Kind;
        withCurves = withCurves.Where(p => p.Curve!.Kind == kind).ToList();

        var anyConfident = withCurves.Any(p => p.Confidence > 0);
        var sums = new SortedDictionary<double, (double Sum, double Weight)>();
        foreach (var part in withCurves)
        {
            var weight = anyConfident ? part.Confidence : 1;
            if (weight <= 0)
            {
                continue;
            }

            var c = part.Curve!;
            for (var i = 0; i < c.DelaysMs.Length; i++)
            {
                var key = Math.Round(c.DelaysMs[i], 3);
                sums.TryGetValue(key, out var acc);
                sums[key] = (acc.Sum + (weight * c.Scores[i]), acc.Weight + weight);
            }
        }

        return new OffsetCurve([.. sums.Keys], [.. sums.Values.Select(v => v.Sum / v.Weight)], withCurves[0].Curve!.Kind);
    }
}
