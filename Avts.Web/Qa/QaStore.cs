using System.Data.Common;
using Avts.Web.Cluster;
using Avts.Web.Persistence;

namespace Avts.Web.Qa;

/// <summary>
/// The <c>qa_jobs</c> table: one row per job, its state and headline figures, plus the report as JSON and CSV text
/// (the plot and any corrected copy live as files in the job's folder). Same portable style as the history tables.
/// Each row names the node that accepted it, so in a cluster a restarting node fails only its own cut-off jobs.
/// </summary>
public sealed class QaStore(AvtsDatabase database, NodeIdentity node)
{
    private const string Columns =
        "id, source, name, input_path, state, percent, error, created_at, started_at, finished_at, audio_delay_ms, confidence, verdict, fixed_path";

    /// <summary>Stores a new job.</summary>
    public async Task InsertAsync(QaJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await database.ExecuteAsync(
            $"INSERT INTO qa_jobs ({Columns}, node) VALUES (@id, @source, @name, @input_path, @state, @percent, @error, @created_at, @started_at, @finished_at, @audio_delay_ms, @confidence, @verdict, @fixed_path, @node)",
            cancellationToken,
            [.. Parameters(job), ("@node", node.Name)]);
    }

    /// <summary>
    /// Marks <paramref name="job"/> running on this node if it is still queued; false when another node (or an earlier
    /// claim) has it, so a job runs once however many nodes see it.
    /// </summary>
    public async Task<bool> ClaimAsync(QaJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return await database.ExecuteAsync(
            database.Dialect.ClaimQaJob,
            cancellationToken,
            ("@node", node.Name),
            ("@started_at", job.StartedAt is { } s ? DbValues.Ms(s) : null),
            ("@id", job.Id)) == 1;
    }

    /// <summary>Writes the job's state and figures (not the report).</summary>
    public async Task UpdateAsync(QaJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await database.ExecuteAsync(
            "UPDATE qa_jobs SET source = @source, name = @name, input_path = @input_path, state = @state, percent = @percent, error = @error, created_at = @created_at, started_at = @started_at, finished_at = @finished_at, audio_delay_ms = @audio_delay_ms, confidence = @confidence, verdict = @verdict, fixed_path = @fixed_path WHERE id = @id",
            cancellationToken,
            Parameters(job));
    }

    /// <summary>Stores the report texts, then the finished job (in that order: "done" is never seen without its report).</summary>
    public async Task CompleteAsync(QaJob job, string reportJson, string reportCsv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await WriteReportAsync(job.Id, reportJson, reportCsv, cancellationToken);
        await UpdateAsync(job, cancellationToken);
    }

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    public async Task<QaJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var jobs = await QueryAsync($"SELECT {Columns} FROM qa_jobs WHERE id = @id", cancellationToken, ("@id", id));
        return jobs.Count > 0 ? jobs[0] : null;
    }

    /// <summary>The newest jobs first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<QaJob>> ListAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM qa_jobs ORDER BY created_at DESC LIMIT @limit", cancellationToken, ("@limit", limit));

    /// <summary>Jobs left queued or running by a previous process (in a cluster: by this node's previous process).</summary>
    public Task<IReadOnlyList<QaJob>> UnfinishedAsync(CancellationToken cancellationToken) =>
        node.Clustered
            ? QueryAsync(
                $"SELECT {Columns} FROM qa_jobs WHERE (state = @queued OR state = @running) AND node = @node",
                cancellationToken,
                ("@queued", QaStates.Queued),
                ("@running", QaStates.Running),
                ("@node", node.Name))
            : QueryAsync(
                $"SELECT {Columns} FROM qa_jobs WHERE state = @queued OR state = @running",
                cancellationToken,
                ("@queued", QaStates.Queued),
                ("@running", QaStates.Running));

    /// <summary>The stored report of job <paramref name="id"/> as JSON (<paramref name="csv"/> false) or CSV, or null.</summary>
    public async Task<string?> ReportAsync(string id, bool csv, CancellationToken cancellationToken) =>
        await database.ScalarAsync(
            csv ? "SELECT report_csv FROM qa_jobs WHERE id = @id" : "SELECT report_json FROM qa_jobs WHERE id = @id", cancellationToken, ("@id", id)) as string;

    private Task<int> WriteReportAsync(string id, string reportJson, string reportCsv, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE qa_jobs SET report_json = @json, report_csv = @csv WHERE id = @id", cancellationToken, ("@json", reportJson), ("@csv", reportCsv), ("@id", id));

    private Task<IReadOnlyList<QaJob>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.QueryAsync(sql, Read, cancellationToken, parameters);

    private static QaJob Read(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            DbValues.NullableDouble(reader, 5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            DbValues.Time(reader, 7),
            DbValues.NullableTime(reader, 8),
            DbValues.NullableTime(reader, 9),
            DbValues.NullableDouble(reader, 10),
            DbValues.NullableDouble(reader, 11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13));

    private static (string Name, object? Value)[] Parameters(QaJob job) =>
    [
        ("@id", job.Id), ("@source", job.Source), ("@name", job.Name), ("@input_path", job.InputPath), ("@state", job.State),
        ("@percent", job.Percent), ("@error", job.Error), ("@created_at", DbValues.Ms(job.CreatedAt)),
        ("@started_at", job.StartedAt is { } s ? DbValues.Ms(s) : null), ("@finished_at", job.FinishedAt is { } f ? DbValues.Ms(f) : null),
        ("@audio_delay_ms", job.AudioDelayMs), ("@confidence", job.Confidence), ("@verdict", job.Verdict), ("@fixed_path", job.FixedPath),
    ];
}
