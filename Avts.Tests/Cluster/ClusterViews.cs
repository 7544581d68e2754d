namespace Avts.Tests.Cluster;

/// <summary>A stream as <c>GET /api/streams</c> shows it in a cluster.</summary>
internal sealed record ClusterStreamView(string Name, string State, string? Node, long Windows, bool Paused);

/// <summary>The part of <c>/healthz</c> the cluster tests read.</summary>
internal sealed record ClusterHealthView(string Status, string Node, IReadOnlyList<string> Reasons, IReadOnlyList<ClusterHealthStreamView> Streams);

/// <summary>A stream of <c>/healthz</c> (those scored on that node).</summary>
internal sealed record ClusterHealthStreamView(string Name, string State);
