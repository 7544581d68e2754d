using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Cluster;

/// <summary>This host's name as <c>/healthz</c> and <c>/api/streams</c> show it, and whether it runs in a cluster.</summary>
public sealed class NodeIdentity
{
    /// <summary>Resolves <see cref="ClusterOptions.NodeName"/> (default: the machine name).</summary>
    public NodeIdentity(IOptions<ClusterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Clustered = options.Value.Enabled;
        Name = string.IsNullOrWhiteSpace(options.Value.NodeName) ? Environment.MachineName : options.Value.NodeName;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>Whether cluster mode is on (<c>Avts:Cluster:Enabled</c>).</summary>
    public bool Clustered { get; }
}
