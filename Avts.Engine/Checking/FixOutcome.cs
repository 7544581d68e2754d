using Avts.Engine.Editing;
using Avts.Engine.Reports;

namespace Avts.Engine.Checking;

/// <summary>What a fix did.</summary>
/// <param name="Before">The check that measured the delay, when the request gave none.</param>
/// <param name="Retime">The re-timed copy written; null when the check found nothing to sync on (nothing written).</param>
/// <param name="After">The check of the corrected copy, when asked for or when the delay was measured here.</param>
public sealed record FixOutcome(SyncReport? Before, AudioRetimeResult? Retime, SyncReport? After);
