using Avts.Web.Engine;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Cluster;

/// <summary>
/// Cluster mode: the streams come from the shared store, their live state from each stream's grain (on the node that
/// scores it). An owner that does not answer within <see cref="ClusterOptions.OwnerTimeoutSeconds"/> (its node just
/// died) shows as reconnecting with no node: an outage, not a healthy-looking silence.
/// </summary>
public sealed class ClusterStreamDirectory(
    StreamStore store, IGrainFactory grains, IOptions<ClusterOptions> options, TimeProvider time) : IStreamDirectory
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        var streams = await store.ListAsync(cancellationToken);
        return await Task.WhenAll(streams.Select(s => DescribeAsync(s, cancellationToken)));
    }

    /// <inheritdoc />
    public async Task<StreamSnapshot?> FindAsync(string name, CancellationToken cancellationToken) =>
        await store.FindAsync(name, cancellationToken) is { } stream ? await DescribeAsync(stream, cancellationToken) : null;

    private async Task<StreamSnapshot> DescribeAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (stream.Paused)
        {
            return Snapshot(stream, "paused", now, null, null);
        }

        StreamOwnerReport report;
        try
        {
            report = await grains.GetGrain<IStreamMonitorGrain>(stream.Name).ReportAsync()
                .WaitAsync(TimeSpan.FromSeconds(options.Value.OwnerTimeoutSeconds), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Snapshot(stream, "reconnecting", now, "its node does not answer; moving to another node", null);
        }

        if (report.Node is null || report.State is null)
        {
            return Snapshot(stream, "connecting", now, "not running on any node yet", null);
        }

        return new StreamSnapshot(
            stream.Name, stream.Location, stream.Loop, stream.RealTime, stream.InjectDelay, stream.TransportName, stream.Paused,
            stream.AddedAt, report.State, DateTimeOffset.FromUnixTimeMilliseconds(report.StateSinceMs), report.Detail, report.LastDelayMs,
            report.Alert, report.LastWindowAtMs is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : null, report.Windows,
            report.DroppedWindows, DateTimeOffset.FromUnixTimeMilliseconds(report.WatchedSinceMs), report.Node);
    }

    private static StreamSnapshot Snapshot(StreamDefinition stream, string state, DateTimeOffset now, string? detail, string? node) => new(
        stream.Name, stream.Location, stream.Loop, stream.RealTime, stream.InjectDelay, stream.TransportName, stream.Paused,
        stream.AddedAt, state, now, detail, null, false, null, 0, 0, now, node);
}
