namespace Avts.Web.Cluster;

/// <summary>The last result of the Redis and PostgreSQL probes (cluster mode), read by <c>/healthz</c>.</summary>
public sealed class DependencyHealth
{
    private volatile IReadOnlyList<string> reasons = [];

    /// <summary>Why a dependency is unreachable (empty when both answer).</summary>
    public IReadOnlyList<string> Reasons => reasons;

    /// <summary>Replaces the reasons with the latest probe's.</summary>
    public void Report(IReadOnlyList<string> latest) => reasons = latest;
}
