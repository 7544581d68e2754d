namespace Avts.Engine.Benchmarks;

/// <summary>
/// The JSON shape every dataset benchmark prints (<c>avts bench esc50|dcase2014|ucf101|hmdb51|sync</c>):
/// <c>{"benchmark":…,"dataset":…,"protocol":…,"results":[…],"elapsed_seconds":…}</c>, so the dashboard and scripts
/// read them alike.
/// </summary>
/// <typeparam name="TRow">One result row, e.g. <see cref="AccuracyRow"/>.</typeparam>
/// <param name="Benchmark">The command's name, e.g. "esc50".</param>
/// <param name="Dataset">What was evaluated: the folder and, where one applies, the subset or split.</param>
/// <param name="Protocol">How, in one line: features, classifier, folds.</param>
/// <param name="Results">One row per feature set (or initialisation) compared.</param>
/// <param name="ElapsedSeconds">Wall time of the whole run.</param>
public sealed record BenchmarkReport<TRow>(
    string Benchmark,
    string Dataset,
    string Protocol,
    IReadOnlyList<TRow> Results,
    double ElapsedSeconds);
