using Avts.Web.Diagnostics;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Persistence;

/// <summary>The bounded queue from the engine to <see cref="HistoryWriter"/> (drops oldest rows, counted in metrics).</summary>
public sealed class HistoryChannel(IOptions<AvtsWebOptions> options, AvtsMetrics metrics)
{
    /// <summary>The queue.</summary>
    public DropOldestChannel<HistoryItem> Queue { get; } = new(options.Value.PersistenceCapacity, () => metrics.PersistenceDropped(1));
}
