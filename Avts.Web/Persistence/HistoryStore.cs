using System.Data.Common;
using Avts.Live.Pipeline;
using Avts.Web.Engine;

namespace Avts.Web.Persistence;

/// <summary>Reads and writes the <c>windows</c>, <c>alerts</c> and <c>benchmark_runs</c> tables.</summary>
public sealed class HistoryStore(AvtsDatabase database)
{
    private const string InsertWindow =
        "INSERT INTO windows (stream, t_start, t_end, audio_delay_ms, raw_delay_ms, confidence, state, drift, alert, latency_ms, recorded_at) VALUES (@stream, @t_start, @t_end, @audio_delay_ms, @raw_delay_ms, @confidence, @state, @drift, @alert, @latency_ms, @recorded_at) ON CONFLICT DO NOTHING";

    private const string CloseOpen =
        "UPDATE alerts SET clear_reason = @reason, cleared_at = COALESCE((SELECT MAX(w.recorded_at) FROM windows w WHERE w.stream = alerts.stream AND w.recorded_at >= alerts.raised_at), alerts.raised_at)";

    /// <summary>
    /// Writes <paramref name="items"/> in one transaction (one commit per batch: WAL makes it durable). Idempotent: a
    /// window or raised alert already stored (a batch retried after a lost commit answer) is skipped, not doubled.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<HistoryItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await database.OpenCreatedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            await using var command = ToCommand(connection, item);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes windows and closed alerts recorded before <paramref name="cutoff"/>; returns the rows deleted.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Both deletes on one connection, as one pruning pass.
        await using var connection = await database.OpenCreatedAsync(cancellationToken);
        var ms = DbValues.Ms(cutoff);
        await using var windows = AvtsDatabase.Command(connection, "DELETE FROM windows WHERE recorded_at < @cutoff", ("@cutoff", ms));
        await using var alerts = AvtsDatabase.Command(
            connection, "DELETE FROM alerts WHERE cleared_at IS NOT NULL AND cleared_at < @cutoff", ("@cutoff", ms));
        return await windows.ExecuteNonQueryAsync(cancellationToken) + await alerts.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The windows of <paramref name="stream"/> recorded in [from, to], newest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<WindowRow>> WindowsAsync(
        string stream, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT stream, t_start, t_end, audio_delay_ms, raw_delay_ms, confidence, state, drift, alert, latency_ms, recorded_at FROM windows WHERE stream = @stream AND recorded_at >= @from AND recorded_at <= @to ORDER BY recorded_at DESC LIMIT @limit",
            reader => new WindowRow(
                reader.GetString(0),
                DbValues.Real(reader, 1),
                DbValues.Real(reader, 2),
                DbValues.NullableDouble(reader, 3),
                DbValues.NullableDouble(reader, 4),
                DbValues.Real(reader, 5),
                reader.GetString(6),
                DbValues.NullableDouble(reader, 7),
                DbValues.Flag(reader, 8),
                DbValues.Real(reader, 9),
                DbValues.Time(reader, 10)),
            cancellationToken,
            ("@stream", stream), ("@from", Lower(from)), ("@to", Upper(to)), ("@limit", limit));

    /// <summary>Alerts raised in [from, to] (of one stream, or all when null), newest first.</summary>
    public Task<IReadOnlyList<AlertRow>> AlertsAsync(
        string? stream, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        // Two texts rather than "@stream IS NULL OR ...": PostgreSQL cannot type an untyped null parameter.
        var sql = stream is null
            ? "SELECT stream, raised_at, cleared_at, peak_delay_ms, clear_reason FROM alerts WHERE raised_at >= @from AND raised_at <= @to ORDER BY raised_at DESC LIMIT @limit"
            : "SELECT stream, raised_at, cleared_at, peak_delay_ms, clear_reason FROM alerts WHERE stream = @stream AND raised_at >= @from AND raised_at <= @to ORDER BY raised_at DESC LIMIT @limit";
        return database.QueryAsync(
            sql,
            reader => new AlertRow(
                reader.GetString(0), DbValues.Time(reader, 1), DbValues.NullableTime(reader, 2), DbValues.NullableDouble(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetString(4)),
            cancellationToken,
            ("@stream", stream ?? string.Empty), ("@from", Lower(from)), ("@to", Upper(to)), ("@limit", limit));
    }

    /// <summary>
    /// Closes every alert left open (a crashed host cleared nothing) with <paramref name="reason"/>, at the stream's
    /// last window stored since the raise (else at the raise); returns how many. Call before the engine starts.
    /// </summary>
    public Task<int> CloseOpenAlertsAsync(string reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync(CloseOpen + " WHERE cleared_at IS NULL", cancellationToken, ("@reason", reason));

    /// <summary>
    /// As <see cref="CloseOpenAlertsAsync(string, CancellationToken)"/> for one stream only: in a cluster, the node that
    /// takes over a stream from a lost node closes what that node left open (other streams' alerts are live elsewhere).
    /// </summary>
    public Task<int> CloseOpenAlertsAsync(string stream, string reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync(CloseOpen + " WHERE cleared_at IS NULL AND stream = @stream", cancellationToken, ("@reason", reason), ("@stream", stream));

    /// <summary>Stored benchmark runs, newest first.</summary>
    public Task<IReadOnlyList<BenchmarkRun>> BenchmarksAsync(int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, kind, recorded_at, json FROM benchmark_runs ORDER BY recorded_at DESC LIMIT @limit",
            reader => new BenchmarkRun(reader.GetString(0), reader.GetString(1), DbValues.Time(reader, 2), reader.GetString(3)),
            cancellationToken,
            ("@limit", limit));

    /// <summary>Whether a benchmark run with <paramref name="id"/> is stored.</summary>
    public async Task<bool> HasBenchmarkAsync(string id, CancellationToken cancellationToken) =>
        Convert.ToInt64(
            await database.ScalarAsync("SELECT COUNT(*) FROM benchmark_runs WHERE id = @id", cancellationToken, ("@id", id)),
            System.Globalization.CultureInfo.InvariantCulture) > 0;

    /// <summary>
    /// Stores a benchmark run (the seam for QA jobs and <c>avts bench live</c> results); a run already stored under its
    /// id is left as it is (cluster nodes importing the same artifacts at start race on it).
    /// </summary>
    public async Task AddBenchmarkAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await database.ExecuteAsync(
            "INSERT INTO benchmark_runs (id, kind, recorded_at, json) VALUES (@id, @kind, @recorded_at, @json) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("@id", run.Id), ("@kind", run.Kind), ("@recorded_at", DbValues.Ms(run.RecordedAt)), ("@json", run.Json));
    }

    private static long Lower(DateTimeOffset? from) => from is { } f ? DbValues.Ms(f) : long.MinValue;

    private static long Upper(DateTimeOffset? to) => to is { } t ? DbValues.Ms(t) : long.MaxValue;

    private static DbCommand ToCommand(DbConnection connection, HistoryItem item)
    {
        if (item.Window is { } w)
        {
            return AvtsDatabase.Command(
                connection,
                InsertWindow,
                ("@stream", w.Stream), ("@t_start", w.StartSeconds), ("@t_end", w.EndSeconds), ("@audio_delay_ms", w.AudioDelayMs),
                ("@raw_delay_ms", w.RawDelayMs), ("@confidence", w.Confidence), ("@state", w.State.WireName()),
                ("@drift", w.DriftMsPerMinute), ("@alert", DbValues.Flag(w.Alert)), ("@latency_ms", w.LatencyMs),
                ("@recorded_at", DbValues.Ms(item.At)));
        }

        var a = item.Alert ?? throw new ArgumentException("a history item needs a window or an alert", nameof(item));
        return a.Raised
            ? AvtsDatabase.Command(
                connection,
                "INSERT INTO alerts (stream, raised_at, cleared_at, peak_delay_ms) VALUES (@stream, @raised_at, NULL, @peak) ON CONFLICT DO NOTHING",
                ("@stream", a.Stream), ("@raised_at", DbValues.Ms(a.RaisedAt)), ("@peak", a.PeakDelayMs))
            : AvtsDatabase.Command(
                connection,
                "UPDATE alerts SET cleared_at = @cleared_at, peak_delay_ms = @peak, clear_reason = @reason WHERE stream = @stream AND raised_at = @raised_at",
                ("@stream", a.Stream), ("@raised_at", DbValues.Ms(a.RaisedAt)), ("@cleared_at", DbValues.Ms(a.At)), ("@peak", a.PeakDelayMs),
                ("@reason", a.ClearReason ?? AlertClearReasons.Recovered));
    }
}
