namespace Avts.Web.Persistence;

/// <summary>A stored benchmark run (<c>GET /api/benchmarks</c>; written by QA jobs through <see cref="HistoryStore.AddBenchmarkAsync"/>).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Kind">What was benchmarked (e.g. "live", "accuracy").</param>
/// <param name="RecordedAt">When.</param>
/// <param name="Json">The run's result document, as JSON text.</param>
public sealed record BenchmarkRun(string Id, string Kind, DateTimeOffset RecordedAt, string Json);
