using Avts.Engine;
using Avts.Live.Pipeline;
using Avts.Web.Api;
using Avts.Web.Cluster;
using Avts.Web.Engine;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Diagnostics;

/// <summary>
/// The health rules behind <c>/healthz</c> and the <c>avts.health.status</c> gauge. Unhealthy: the scoring pipeline
/// faulted (no stream gets another window). Degraded: a stream in the pipeline has produced no window for
/// <see cref="AvtsWebOptions.DegradedAfterHops"/> hops (its first window gets one window length more), a stream has
/// been reconnecting or failed for longer than <see cref="AvtsWebOptions.DegradedAfterSeconds"/>, or hub/persistence
/// drops exceed <see cref="AvtsWebOptions.DropThreshold"/>, or (cluster mode) Redis or PostgreSQL does not answer.
/// Each stream that degrades the host carries its reason.
/// </summary>
public sealed class PipelineHealth(
    StreamBoard board,
    AvtsMetrics metrics,
    ScoringHealth scoring,
    IWindowScorer scorer,
    IOptions<AvtsWebOptions> options,
    IOptions<LiveEngineOptions> liveOptions,
    NodeIdentity node,
    DependencyHealth dependencies,
    TimeProvider time)
{
    /// <summary>The report now.</summary>
    public HealthReport Evaluate()
    {
        var now = time.GetUtcNow();
        var web = options.Value;
        var live = liveOptions.Value;
        var reasons = new List<string>();
        if (scoring.FaultReason is { } fault)
        {
            reasons.Add($"scoring stopped at {scoring.FaultedAt:O}: {fault}");
        }

        var streams = board.Snapshot().Select(s => Assess(s, now, web, live)).ToList();
        reasons.AddRange(streams.Where(s => s.Reason is not null).Select(s => $"stream {s.Name}: {s.Reason}"));
        if (metrics.HubDrops > web.DropThreshold)
        {
            reasons.Add($"{metrics.HubDrops} hub messages dropped");
        }

        if (metrics.PersistenceDrops > web.DropThreshold)
        {
            reasons.Add($"{metrics.PersistenceDrops} history rows dropped");
        }

        reasons.AddRange(dependencies.Reasons);
        var status = scoring.FaultReason is not null ? "Unhealthy" : reasons.Count > 0 ? "Degraded" : "Healthy";
        return new HealthReport(
            status, EngineInfo.Version, scorer.Name, reasons, metrics.Windows, metrics.HubDrops, metrics.PersistenceDrops, streams, node.Name);
    }

    /// <summary>0 healthy, 1 degraded, 2 unhealthy (the gauge's value).</summary>
    public static int Level(HealthReport report) => report?.Status switch
    {
        "Healthy" => 0,
        "Degraded" => 1,
        _ => 2,
    };

    private static StreamHealth Assess(StreamSnapshot stream, DateTimeOffset now, AvtsWebOptions web, LiveEngineOptions live)
    {
        string? reason = null;
        var inState = now - stream.StateSince;
        if (stream.State is "reconnecting" or "failed" && inState > TimeSpan.FromSeconds(web.DegradedAfterSeconds))
        {
            reason = $"{stream.State} for {inState.TotalSeconds:0} s: {stream.Detail}";
        }
        else if (stream.State is not ("paused" or "ended" or "removed"))
        {
            var since = stream.LastWindowAt ?? stream.WatchedSince;
            var allowed = TimeSpan.FromSeconds((web.DegradedAfterHops * live.HopSeconds) + (stream.LastWindowAt is null ? live.WindowSeconds : 0));
            var silent = now - since;
            if (silent > allowed)
            {
                reason = stream.LastWindowAt is null
                    ? $"no window in the {silent.TotalSeconds:0} s since it started ({stream.State})"
                    : $"no window for {silent.TotalSeconds:0} s, more than {web.DegradedAfterHops} hops ({stream.State})";
            }
        }

        return new StreamHealth(stream.Name, stream.State, stream.StateSince, stream.Alert, stream.LastDelayMs, stream.LastWindowAt, reason);
    }
}
