namespace Avts.Engine.Benchmarks;

/// <summary>Aggregates shift-benchmark cases into per-method, per-group summaries.</summary>
internal static class ShiftStatistics
{
    private const double RelativeToleranceMs = 40;
    private const double AbsoluteToleranceMs = 80;

    public static IReadOnlyList<ShiftSummary> Summarize(IReadOnlyList<ShiftCase> cases, IReadOnlyList<string> methods)
    {
        var summaries = new List<ShiftSummary>();
        foreach (var method in methods)
        {
            foreach (var group in ShiftCase.Groups)
            {
                var selected = cases.Where(c => c.Method == method && c.Group == group).ToList();
                if (selected.Count == 0)
                {
                    continue;
                }

                // The zero shift has a relative error of 0 by construction: it is not a test of following the content.
                var shifted = selected.Where(c => c.ShiftMs != 0).ToList();
                summaries.Add(new ShiftSummary(
                    method,
                    group,
                    selected.Count,
                    selected.Count(c => c.EstimateMs is null),
                    Share(shifted, c => c.RelativeErrorMs, RelativeToleranceMs),
                    Share(selected, c => c.AbsoluteErrorMs, AbsoluteToleranceMs),
                    Share(shifted, c => c.PeakRelativeErrorMs, RelativeToleranceMs),
                    Share(selected, c => c.PeakAbsoluteErrorMs, AbsoluteToleranceMs),
                    MedianAbs(shifted.Select(c => c.RelativeErrorMs)),
                    MedianAbs(selected.Select(c => c.AbsoluteErrorMs)),
                    selected.Count == 0 ? 0 : (double)selected.Count(c => c.IsConfidentlyWrong(AbsoluteToleranceMs)) / selected.Count,
                    selected.Count(c => c.ShiftMs == 0 && c.Verdict == "fail")));
            }
        }

        return summaries;
    }

    private static double Share(List<ShiftCase> cases, Func<ShiftCase, double?> error, double tolerance) =>
        cases.Count == 0 ? 0 : (double)cases.Count(c => error(c) is { } e && Math.Abs(e) <= tolerance) / cases.Count;

    internal static double? MedianAbs(IEnumerable<double?> errors)
    {
        var values = errors.OfType<double>().Select(Math.Abs).Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
