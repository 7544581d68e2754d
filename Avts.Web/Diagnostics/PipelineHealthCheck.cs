using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Avts.Web.Diagnostics;

/// <summary>The health check "pipeline": <see cref="PipelineHealth"/>'s verdict; the full report travels in its data.</summary>
public sealed class PipelineHealthCheck(PipelineHealth health) : IHealthCheck
{
    /// <summary>The key of the report in <see cref="HealthCheckResult.Data"/>.</summary>
    public const string ReportKey = "report";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = health.Evaluate();
        var status = PipelineHealth.Level(report) switch
        {
            0 => HealthStatus.Healthy,
            1 => HealthStatus.Degraded,
            _ => HealthStatus.Unhealthy,
        };
        var data = new Dictionary<string, object> { [ReportKey] = report };
        return Task.FromResult(new HealthCheckResult(status, string.Join("; ", report.Reasons), data: data));
    }
}
