using Avts.Engine;
using Avts.Live.Pipeline;
using Avts.Web.Diagnostics;
using Avts.Web.Engine;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// <c>GET /healthz</c>: Healthy, or Degraded when a stream has been reconnecting or failed for longer than
/// <see cref="AvtsWebOptions.DegradedAfterSeconds"/> or hub/persistence drops exceed
/// <see cref="AvtsWebOptions.DropThreshold"/>. Both answer 200 (the host itself is up) with per-stream state.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAvtsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (StreamBoard board, AvtsMetrics metrics, IWindowScorer scorer, IOptions<AvtsWebOptions> options, TimeProvider time) =>
                Results.Ok(Report(board, metrics, scorer.Name, options.Value, time.GetUtcNow())))
            .WithName("Health")
            .WithTags("health");
        return endpoints;
    }

    /// <summary>The report at <paramref name="now"/>.</summary>
    public static HealthReport Report(StreamBoard board, AvtsMetrics metrics, string method, AvtsWebOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(options);
        var reasons = new List<string>();
        var streams = board.Snapshot();
        var limit = TimeSpan.FromSeconds(options.DegradedAfterSeconds);
        foreach (var stream in streams)
        {
            if (stream.State is "reconnecting" or "failed" && now - stream.StateSince > limit)
            {
                reasons.Add($"stream {stream.Name} {stream.State} for {(now - stream.StateSince).TotalSeconds:0} s: {stream.Detail}");
            }
        }

        if (metrics.HubDrops > options.DropThreshold)
        {
            reasons.Add($"{metrics.HubDrops} hub messages dropped");
        }

        if (metrics.PersistenceDrops > options.DropThreshold)
        {
            reasons.Add($"{metrics.PersistenceDrops} history rows dropped");
        }

        return new HealthReport(
            reasons.Count == 0 ? "Healthy" : "Degraded",
            EngineInfo.Version,
            method,
            reasons,
            metrics.Windows,
            metrics.HubDrops,
            metrics.PersistenceDrops,
            [.. streams.Select(s => new StreamHealth(s.Name, s.State, s.StateSince, s.Alert, s.LastDelayMs))]);
    }
}
