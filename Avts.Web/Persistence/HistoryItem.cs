using Avts.Live.Pipeline;
using Avts.Web.Engine;

namespace Avts.Web.Persistence;

/// <summary>One row to write: a window result or an alert transition (exactly one is set).</summary>
/// <param name="Window">A scored window, or null.</param>
/// <param name="Alert">An alert raise/clear, or null.</param>
/// <param name="At">When it was recorded.</param>
public sealed record HistoryItem(LiveWindowResult? Window, AlertTransition? Alert, DateTimeOffset At);
