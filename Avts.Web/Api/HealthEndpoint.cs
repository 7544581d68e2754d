using Avts.Web.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// <c>GET /healthz</c>: the health checks (<see cref="PipelineHealthCheck"/>) with the pipeline's report as the body:
/// 200 Healthy or Degraded (the host is up), 503 Unhealthy (scoring stopped), reasons overall and per stream.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAvtsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync })
            .WithName("Health")
            .WithTags("health");
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport checks)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        object body = checks.Entries.TryGetValue("pipeline", out var entry) && entry.Data.TryGetValue(PipelineHealthCheck.ReportKey, out var report)
            ? report
            : new { status = checks.Status.ToString(), reasons = checks.Entries.Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message}") };
        return context.Response.WriteAsJsonAsync(body, body.GetType(), json, context.RequestAborted);
    }
}
