using Avts.Web.Engine;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// The REST API under <c>/api</c>. Reads are open unless <see cref="AvtsWebOptions.RequireKeyForReads"/>; every
/// POST/DELETE needs the <c>X-Api-Key</c> header (<see cref="RequestGuardMiddleware"/>). Times in queries are ISO 8601.
/// </summary>
public static class StreamEndpoints
{
    private const int DefaultLimit = 500;
    private const int MaxLimit = 10_000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAvtsApi(this IEndpointRouteBuilder endpoints)
    {
        var reads = endpoints.MapGroup("/api").WithTags("read").WithMetadata(ApiKeyRequirement.Read);
        var control = endpoints.MapGroup("/api").WithTags("control").WithMetadata(ApiKeyRequirement.Change);

        reads.MapGet("/streams", (IStreamDirectory streams, CancellationToken ct) => streams.ListAsync(ct)).WithName("ListStreams");
        reads.MapGet("/streams/{name}", async (string name, IStreamDirectory streams, CancellationToken ct) =>
            await streams.FindAsync(name, ct) is { } stream ? Results.Ok(stream) : NotFound(name)).WithName("GetStream");
        reads.MapGet("/streams/{name}/windows", WindowsAsync).WithName("ListWindows");
        reads.MapGet("/streams/{name}/curve", (string name, StreamBoard board) =>
            board.LatestCurve(name) is { } curve ? Results.Ok(curve) : Results.NotFound(new { error = $"no score curve for '{name}' yet" }))
            .WithName("GetLatestCurve");
        reads.MapGet("/streams/{name}/alerts", (string name, DateTimeOffset? from, DateTimeOffset? to, int? limit, HistoryStore history, CancellationToken ct) =>
            history.AlertsAsync(name, from, to, Limit(limit), ct)).WithName("ListStreamAlerts");
        reads.MapGet("/alerts", (DateTimeOffset? from, DateTimeOffset? to, int? limit, HistoryStore history, CancellationToken ct) =>
            history.AlertsAsync(null, from, to, Limit(limit), ct)).WithName("ListAlerts");
        reads.MapGet("/tolerance", (IOptions<LiveEngineOptions> live) => live.Value.ResolveTolerance()).WithName("GetTolerance");
        reads.MapGet("/benchmarks", (int? limit, HistoryStore history, CancellationToken ct) =>
            history.BenchmarksAsync(Limit(limit), ct)).WithName("ListBenchmarks");

        control.MapPost("/streams", AddAsync).WithName("AddStream").Accepts<StreamConfig>("application/json");
        control.MapPost("/benchmarks", StoreBenchmarkAsync).WithName("StoreBenchmark");
        control.MapDelete("/streams/{name}", async (string name, IStreamControl engine, CancellationToken ct) =>
            await engine.RemoveAsync(name, ct) == StreamChange.Done ? Results.NoContent() : NotFound(name)).WithName("RemoveStream");
        control.MapPost("/streams/{name}/pause", (string name, IStreamControl engine, IStreamDirectory streams, CancellationToken ct) =>
            ChangeAsync(name, engine.PauseAsync, streams, ct)).WithName("PauseStream");
        control.MapPost("/streams/{name}/resume", (string name, IStreamControl engine, IStreamDirectory streams, CancellationToken ct) =>
            ChangeAsync(name, engine.ResumeAsync, streams, ct)).WithName("ResumeStream");
        return endpoints;
    }

    private static async Task<IResult> AddAsync(
        HttpRequest request, IStreamControl engine, StreamLocationPolicy policy, TimeProvider time, IOptions<AvtsWebOptions> options,
        CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<StreamConfig>(request, options.Value.MaxJsonBodyBytes, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (StreamConfigParser.TryParse(body, time.GetUtcNow(), out var error) is not { } parsed)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid stream");
        }

        if (policy.Check(parsed.Location, out var refusal) is not { } location)
        {
            return Results.Problem($"stream '{parsed.Name}': {refusal}", statusCode: StatusCodes.Status400BadRequest, title: "Location refused");
        }

        var stream = parsed with { Location = location };

        return await engine.AddAsync(stream, ct) switch
        {
            StreamChange.Conflict => Results.Problem(
                $"a stream named '{stream.Name}' exists", statusCode: StatusCodes.Status409Conflict, title: "Duplicate stream"),
            _ => Results.Created($"/api/streams/{Uri.EscapeDataString(stream.Name)}", stream),
        };
    }

    private static async Task<IResult> WindowsAsync(
        string name, DateTimeOffset? from, DateTimeOffset? to, int? limit, HistoryStore history, CancellationToken ct) =>
        Results.Ok(await history.WindowsAsync(name, from, to, Limit(limit), ct));

    private static async Task<IResult> ChangeAsync(
        string name, Func<string, CancellationToken, Task<StreamChange>> change, IStreamDirectory streams, CancellationToken ct) =>
        await change(name, ct) == StreamChange.Done && await streams.FindAsync(name, ct) is { } stream ? Results.Ok(stream) : NotFound(name);

    private static IResult NotFound(string name) =>
        Results.Problem($"no stream named '{name}'", statusCode: StatusCodes.Status404NotFound, title: "Unknown stream");

    private static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>Stores a benchmark result posted as JSON (<c>avts bench … --format json</c>); the kind is its "benchmark" property or <c>?kind=</c>.</summary>
    private static async Task<IResult> StoreBenchmarkAsync(
        HttpRequest request, string? kind, BenchmarkImporter importer, IOptions<AvtsWebOptions> options, CancellationToken ct)
    {
        var maxBytes = options.Value.MaxJsonBodyBytes;
        if (await JsonBody.ReadBytesAsync(request, maxBytes, ct) is not { } bytes)
        {
            return Results.Problem($"a JSON body may have at most {maxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
        }

        var json = System.Text.Encoding.UTF8.GetString(bytes);
        try
        {
            var run = await importer.StoreAsync(json, string.IsNullOrWhiteSpace(kind) ? "benchmark" : kind, recordedAt: null, ct);
            return run is null ? Results.Ok(new { stored = false, reason = "already stored" }) : Results.Created($"/api/benchmarks/{run.Id}", run);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.Problem(
                $"not a benchmark result: {ex.Message.Split('\n')[0]}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid benchmark result");
        }
    }
}
