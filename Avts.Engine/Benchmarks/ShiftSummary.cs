namespace Avts.Engine.Benchmarks;

/// <summary>Aggregate of the shift benchmark for one method over one group of sources.</summary>
/// <param name="Method">Estimator name.</param>
/// <param name="Group">"main", "short", "trained" or "apart" (see <see cref="ShiftCase.Group"/>).</param>
/// <param name="Cases">Number of cases (shifted copies, the zero shift included).</param>
/// <param name="Undetermined">Cases without an estimate.</param>
/// <param name="ShareRelativeWithin40Ms">Share of cases whose relative error is within ±40 ms (0..1).</param>
/// <param name="ShareAbsoluteWithin80Ms">Share of cases whose absolute error is within ±80 ms (0..1).</param>
/// <param name="PeakShareRelativeWithin40Ms">The same share for the best guesses (curve peaks), committed or not.</param>
/// <param name="PeakShareAbsoluteWithin80Ms">The same share for the best guesses.</param>
/// <param name="MedianAbsRelativeErrorMs">Median |relative error| over cases that have one.</param>
/// <param name="MedianAbsAbsoluteErrorMs">Median |absolute error| over cases that have one.</param>
/// <param name="ShareConfidentlyWrong">Share of cases committed to a delay more than 80 ms from the truth (0..1).</param>
/// <param name="FalseAlarms">Shift-0 cases (sources presumed in sync) whose verdict is "fail".</param>
public sealed record ShiftSummary(
    string Method,
    string Group,
    int Cases,
    int Undetermined,
    double ShareRelativeWithin40Ms,
    double ShareAbsoluteWithin80Ms,
    double PeakShareRelativeWithin40Ms,
    double PeakShareAbsoluteWithin80Ms,
    double? MedianAbsRelativeErrorMs,
    double? MedianAbsAbsoluteErrorMs,
    double ShareConfidentlyWrong,
    int FalseAlarms);
