using Avts.Web.Diagnostics;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Hubs;

/// <summary>The bounded queue from the engine to <see cref="HubBroadcaster"/> (drops oldest, counted in metrics).</summary>
public sealed class BroadcastChannel(IOptions<AvtsWebOptions> options, AvtsMetrics metrics)
{
    /// <summary>The queue.</summary>
    public DropOldestChannel<ISyncMessage> Queue { get; } = new(options.Value.BroadcastCapacity, () => metrics.HubDropped(1));
}
