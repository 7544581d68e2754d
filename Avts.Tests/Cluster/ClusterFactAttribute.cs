namespace Avts.Tests.Cluster;

/// <summary>
/// A cluster test (real PostgreSQL and Redis, several host processes; trait Category=Cluster). Skipped only when
/// AVTS_SKIP_CLUSTER_TESTS=1 and CI is not "true": in CI it always runs, and fails when the servers cannot start.
/// Locally, <c>--filter Category!=Cluster</c> leaves them out as well.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClusterFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> from the environment.</summary>
    public ClusterFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && Environment.GetEnvironmentVariable("AVTS_SKIP_CLUSTER_TESTS") == "1")
        {
            Skip = "AVTS_SKIP_CLUSTER_TESTS=1 (never honoured when CI=true)";
        }
    }
}
