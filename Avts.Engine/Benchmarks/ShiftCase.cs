namespace Avts.Engine.Benchmarks;

/// <summary>One shifted copy checked by one method.</summary>
/// <param name="Source">Source file, relative to the data folder.</param>
/// <param name="ShiftMs">Audio shift applied (positive = sound made late).</param>
/// <param name="Method">Estimator name.</param>
/// <param name="EstimateMs">Estimated audio delay, or null when undetermined.</param>
/// <param name="PeakMs">The estimator's best guess (curve peak) even where it did not commit; null without a peak.</param>
/// <param name="Confidence">Estimator confidence 0..1.</param>
/// <param name="RelativeErrorMs">estimate(shift) − estimate(0) − shift; null when either estimate is missing.</param>
/// <param name="AbsoluteErrorMs">estimate(shift) − shift (the source taken as in sync); null when undetermined.</param>
/// <param name="PeakRelativeErrorMs">The relative error of the best guesses.</param>
/// <param name="PeakAbsoluteErrorMs">The absolute error of the best guess.</param>
/// <param name="Group">"main", "short" (an unseen source shorter than the short limit), "apart" (reported apart, e.g. not
/// synchronizable) or "trained" (the weights were trained on it).</param>
/// <param name="Verdict">The check's verdict against the default profile (EBU R37): a "fail" at shift 0 is a false alarm on
/// a source presumed in sync.</param>
public sealed record ShiftCase(
    string Source,
    int ShiftMs,
    string Method,
    double? EstimateMs,
    double? PeakMs,
    double Confidence,
    double? RelativeErrorMs,
    double? AbsoluteErrorMs,
    double? PeakRelativeErrorMs,
    double? PeakAbsoluteErrorMs,
    string Group,
    string Verdict)
{
    /// <summary><see cref="Group"/> of sources that are neither apart nor trained on.</summary>
    public const string MainGroup = "main";

    /// <summary><see cref="Group"/> of unseen sources shorter than <see cref="ShiftBenchmarkOptions.ShortBelowSeconds"/>.</summary>
    public const string ShortGroup = "short";

    /// <summary><see cref="Group"/> of sources reported apart (--report-apart).</summary>
    public const string ApartGroup = "apart";

    /// <summary><see cref="Group"/> of sources the weights were trained on (--trained-on): not unseen data.</summary>
    public const string TrainedGroup = "trained";

    /// <summary>Every group, in report order.</summary>
    public static IReadOnlyList<string> Groups { get; } = [MainGroup, ShortGroup, TrainedGroup, ApartGroup];

    /// <summary>Committed to a delay more than <paramref name="toleranceMs"/> from the truth (the source taken as in sync).</summary>
    public bool IsConfidentlyWrong(double toleranceMs) => EstimateMs is not null && AbsoluteErrorMs is { } e && Math.Abs(e) > toleranceMs;
}
