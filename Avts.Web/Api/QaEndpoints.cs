using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Web.Options;
using Avts.Web.Qa;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// QA jobs under <c>/api/qa</c>: submit a server file (<c>{"path": ...}</c>, under <c>Avts:Qa:AllowedRoots</c>) or an
/// upload (multipart), follow its state, download the report (JSON, CSV, plot) and a corrected copy. Submitting and
/// fixing are control endpoints (API key); the rest are reads.
/// </summary>
public static class QaEndpoints
{
    private const int DefaultLimit = 50;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAvtsQa(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api/qa").WithTags("qa").WithMetadata(ApiKeyRequirement.Read);
        var control = endpoints.MapGroup("/api/qa").WithTags("qa").WithMetadata(ApiKeyRequirement.Change);

        reads.MapGet("/", ListAsync).WithName("ListQaJobs");
        reads.MapGet("/{id}", async (string id, QaJobBoard queue, QaStore store, CancellationToken ct) =>
            await FindAsync(id, queue, store, ct) is { } job ? Results.Ok(job) : NotFound(id)).WithName("GetQaJob");
        reads.MapGet("/{id}/report.json", (string id, QaStore store, CancellationToken ct) =>
            ReportAsync(id, csv: false, store, ct)).WithName("GetQaReportJson");
        reads.MapGet("/{id}/report.csv", (string id, QaStore store, CancellationToken ct) =>
            ReportAsync(id, csv: true, store, ct)).WithName("GetQaReportCsv");
        reads.MapGet("/{id}/plot.png", PlotAsync).WithName("GetQaPlot");
        reads.MapGet("/{id}/fixed", FixedAsync).WithName("GetQaFixed");

        control.MapPost("/", SubmitAsync).WithName("SubmitQaJob").DisableAntiforgery();
        control.MapPost("/{id}/fix", FixAsync).WithName("FixQaJob");
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, QaPathGuard guard, QaFolders folders, QaJobBoard queue, QaStore store, TimeProvider time,
        IOptions<AvtsWebOptions> options, CancellationToken ct)
    {
        QaJob job;
        if (request.HasJsonContentType())
        {
            var (body, problem) = await JsonBody.ReadAsync<QaPathRequest>(request, options.Value.MaxJsonBodyBytes, ct);
            if (problem is not null)
            {
                return problem;
            }

            var check = guard.Check(body?.Path);
            if (check.FullPath is not { } path)
            {
                return Problem(check.Status, "Path refused", check.Error!);
            }

            job = QaJob.Create("path", Path.GetFileName(path), path, time.GetUtcNow());
        }
        else
        {
            var id = QaJob.Create("upload", "upload", string.Empty, time.GetUtcNow()).Id;
            var target = folders.UploadPath(id, ".bin");
            (string? FileName, int Status, string? Error) saved;
            try
            {
                saved = await QaUpload.SaveAsync(request, target, options.Value.Qa.MaxUploadBytes, ct);
            }
            catch (BadHttpRequestException ex)
            {
                saved = (null, ex.StatusCode, ex.Message);
            }

            if (saved.Error is { } error)
            {
                DeleteFolder(folders, id);
                return Problem(saved.Status, "Upload refused", error);
            }

            // Renamed with the client's extension: ffmpeg picks the muxer for the corrected copy from it.
            var name = saved.FileName ?? "upload";
            var path = folders.UploadPath(id, QaFolders.MediaExtension(name));
            File.Move(target, path, overwrite: true);
            job = QaJob.Create("upload", name, path, time.GetUtcNow()) with { Id = id };
        }

        if (await ProbeAsync(job.InputPath, job.Name, options.Value.Qa.AllowedFormats, ct) is { } reason)
        {
            if (job.Source == "upload")
            {
                DeleteFolder(folders, job.Id);
            }

            return Problem(StatusCodes.Status400BadRequest, "Not a media file with picture and sound", reason);
        }

        await store.InsertAsync(job, ct);
        if (!queue.TryEnqueue(job))
        {
            await store.UpdateAsync(job with { State = QaStates.Failed, Error = "the QA queue is full" }, ct);
            return Problem(StatusCodes.Status503ServiceUnavailable, "QA queue full", "too many jobs are waiting; try again later");
        }

        return Results.Accepted($"/api/qa/{job.Id}", job);
    }

    // ffprobe before queueing, so a non-media file is refused at once with ffprobe's reason in one line. First the
    // container alone (nothing that opens further files), then the streams.
    private static async Task<string?> ProbeAsync(string path, string name, IReadOnlyList<string> formats, CancellationToken ct)
    {
        if (await QaFormatGate.CheckAsync(path, name, formats, ct) is { } refused)
        {
            return refused;
        }

        try
        {
            var info = await MediaProbe.ProbeAsync(path, ct);
            return info.Video is null ? "the file has no video stream; a sync check needs picture and sound"
                : info.Audio is null ? "the file has no audio stream; a sync check needs picture and sound"
                : null;
        }
        catch (MediaInputException ex)
        {
            // The server-side path means nothing to the client (and is not its business): name the file as it did.
            return ex.Message.Split('\n', 2)[0].Trim().Replace(path, name, StringComparison.Ordinal);
        }
    }

    private static async Task<IResult> ListAsync(int? limit, QaJobBoard queue, QaStore store, CancellationToken ct)
    {
        var jobs = await store.ListAsync(Math.Clamp(limit ?? DefaultLimit, 1, 1000), ct);
        return Results.Ok(jobs.Select(j => queue.Active(j.Id) ?? j));
    }

    private static async Task<IResult> ReportAsync(string id, bool csv, QaStore store, CancellationToken ct)
    {
        if (await store.ReportAsync(id, csv, ct) is not { } text)
        {
            return Problem(StatusCodes.Status404NotFound, "No report", $"QA job '{id}' has no report (unknown, not finished, or failed)");
        }

        return Results.Text(text, csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
    }

    private static async Task<IResult> PlotAsync(string id, QaJobBoard queue, QaStore store, QaFolders folders, CancellationToken ct)
    {
        if (await FindAsync(id, queue, store, ct) is not { State: QaStates.Done } job)
        {
            return Problem(StatusCodes.Status404NotFound, "No plot", $"QA job '{id}' has no plot (unknown, not finished, or failed)");
        }

        var path = folders.PlotPath(job.Id);
        return File.Exists(path) ? Results.File(path, "image/png") : Problem(StatusCodes.Status404NotFound, "No plot", "the plot file is gone");
    }

    private static async Task<IResult> FixAsync(
        string id, QaJobBoard queue, QaStore store, QaFolders folders, QaCheck check, FixService fixer, CancellationToken ct)
    {
        if (await FindAsync(id, queue, store, ct) is not { } job)
        {
            return NotFound(id);
        }

        if (job.State != QaStates.Done || job.AudioDelayMs is not { } delayMs)
        {
            return Problem(StatusCodes.Status409Conflict, "Nothing to fix", job.State == QaStates.Done
                ? "the check found nothing to sync on, so there is no delay to remove"
                : $"the job is {job.State}; fix it once it is done");
        }

        // The corrected copy goes to the job's folder, never next to the source: allowed roots are read-only to QA.
        // Like `avts fix --auto`: the corrected copy is checked, so the operator sees that it now passes.
        var output = folders.FixedPath(job.Id, job.InputPath);
        try
        {
            var outcome = await fixer.FixAsync(new FixRequest(job.InputPath, output, check.Settings) { DelayMs = delayMs, Verify = true }, progress: null, ct);
            var result = outcome.Retime!;
            var after = outcome.After!;
            await store.UpdateAsync(job with { FixedPath = output }, ct);
            return Results.Ok(new
            {
                job.Id,
                removedDelayMs = delayMs,
                result.AppliedShiftMs,
                result.AudioCodec,
                afterDelayMs = after.AudioDelayMs,
                afterVerdict = after.Verdict.ToString().ToLowerInvariant(),
                download = $"/api/qa/{job.Id}/fixed",
            });
        }
        catch (MediaInputException ex)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Fix failed", ex.Message.Split('\n', 2)[0].Trim());
        }
    }

    private static async Task<IResult> FixedAsync(string id, QaJobBoard queue, QaStore store, CancellationToken ct)
    {
        if (await FindAsync(id, queue, store, ct) is not { FixedPath: { } path } job || !File.Exists(path))
        {
            return Problem(StatusCodes.Status404NotFound, "No corrected copy", $"QA job '{id}' has no corrected copy; POST /api/qa/{id}/fix first");
        }

        var download = Path.GetFileNameWithoutExtension(job.Name) + "-fixed" + Path.GetExtension(path);
        return Results.File(path, "application/octet-stream", download, enableRangeProcessing: true);
    }

    private static async Task<QaJob?> FindAsync(string id, QaJobBoard queue, QaStore store, CancellationToken ct) =>
        queue.Active(id) ?? await store.GetAsync(id, ct);

    private static void DeleteFolder(QaFolders folders, string id)
    {
        try
        {
            Directory.Delete(folders.JobDirectory(id), recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder of a refused upload is harmless; the refusal is what the client needs.
        }
    }

    private static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "Unknown QA job", $"no QA job '{id}'");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
