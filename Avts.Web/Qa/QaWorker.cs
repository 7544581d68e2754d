using System.Text.Json;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Qa;

/// <summary>
/// Runs queued QA jobs, <see cref="QaOptions.Concurrency"/> at a time (one by default: a check decodes and analyses a
/// whole file and would otherwise compete with the live streams for the CPU). Each finished job is stored with its
/// report and also recorded as a benchmark run of kind "qa", so the benchmarks page lists past checks.
/// </summary>
public sealed partial class QaWorker(
    QaJobBoard queue, QaStore store, QaCheck check, QaFolders folders, HistoryStore history, TimeProvider time,
    IOptions<AvtsWebOptions> options, ILogger<QaWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A job cut off by a restart has no process left to finish it: say so instead of showing it running forever.
        foreach (var stale in await store.UnfinishedAsync(stoppingToken))
        {
            await store.UpdateAsync(Failed(stale, "the host stopped before the job finished; submit it again"), stoppingToken);
        }

        var loops = Enumerable.Range(0, options.Value.Qa.Concurrency).Select(_ => RunLoopAsync(stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Pending.ReadAllAsync(stoppingToken))
            {
                if (queue.Active(id) is { } job)
                {
                    await RunAsync(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: queued jobs stay "queued" in the database and are failed at the next start.
        }
    }

    private async Task RunAsync(QaJob queued, CancellationToken stoppingToken)
    {
        var job = queued with { State = QaStates.Running, StartedAt = time.GetUtcNow(), Percent = 0 };
        queue.Update(job);
        try
        {
            if (!await store.ClaimAsync(job, stoppingToken))
            {
                // Claimed elsewhere (or no longer queued): its row belongs to whoever claimed it.
                LogNotClaimed(job.Id);
                return;
            }

            await store.UpdateAsync(job, stoppingToken);
            var progress = new ImmediateProgress(fraction =>
            {
                job = job with { Percent = Math.Round(Math.Clamp(fraction, 0, 1) * 99, 1) };
                queue.Update(job);
            });
            var result = await check.RunAsync(job.InputPath, folders.PlotPath(job.Id), progress, stoppingToken);
            var report = result.Report;
            job = job with
            {
                State = QaStates.Done,
                Percent = 100,
                FinishedAt = time.GetUtcNow(),
                AudioDelayMs = report.AudioDelayMs,
                Confidence = report.Confidence,
                Verdict = report.Verdict.ToString().ToLowerInvariant(),
            };
            await store.CompleteAsync(job, result.Json, result.Csv, stoppingToken);
            await history.AddBenchmarkAsync(
                new BenchmarkRun("qa-" + job.Id, "qa", job.FinishedAt.Value, JsonSerializer.Serialize(new
                {
                    job = job.Id,
                    name = job.Name,
                    method = report.Method,
                    audioDelayMs = report.AudioDelayMs,
                    confidence = report.Confidence,
                    verdict = job.Verdict,
                    windows = report.Windows.Count,
                    elapsedS = report.ElapsedS,
                })),
                stoppingToken);
            LogDone(job.Id, job.Name, job.AudioDelayMs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Any failure of one job (bad media, estimator error, disk full) ends that job, never the worker.
            LogFailed(job.Id, ex.Message);
            await store.UpdateAsync(Failed(job, FirstLine(ex.Message)), CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.UpdateAsync(Failed(job, "the host stopped before the job finished; submit it again"), CancellationToken.None);
        }
        finally
        {
            queue.Forget(job.Id);
        }
    }

    private QaJob Failed(QaJob job, string error) =>
        job with { State = QaStates.Failed, Error = error, Percent = null, FinishedAt = time.GetUtcNow() };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "QA job {JobId} ({Name}) done: audio delay {AudioDelayMs} ms")]
    private partial void LogDone(string jobId, string name, double? audioDelayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "QA job {JobId} is no longer queued here; not run")]
    private partial void LogNotClaimed(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "QA job {JobId} failed: {Reason}")]
    private partial void LogFailed(string jobId, string reason);

    // Progress<T> posts to the thread pool, so a late report could overwrite "done"; this one runs in line.
    private sealed class ImmediateProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
