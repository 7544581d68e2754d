namespace Avts.Web.Api;

/// <summary>The body of <c>GET /healthz</c>.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Version">The engine version.</param>
/// <param name="Method">The estimator scoring live windows (<c>Avts:Live:Method</c>).</param>
/// <param name="Reasons">Why it is degraded or unhealthy (empty when healthy).</param>
/// <param name="Windows">Windows scored since start.</param>
/// <param name="HubDrops">Hub messages dropped (slow clients).</param>
/// <param name="PersistenceDrops">History rows dropped (slow database).</param>
/// <param name="Streams">Each stream's state (in a cluster: the streams scored on this node).</param>
/// <param name="Node">This node's name (<c>Avts:Cluster:NodeName</c>, default the machine name).</param>
public sealed record HealthReport(
    string Status,
    string Version,
    string Method,
    IReadOnlyList<string> Reasons,
    long Windows,
    long HubDrops,
    long PersistenceDrops,
    IReadOnlyList<StreamHealth> Streams,
    string Node);
