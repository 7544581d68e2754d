namespace Avts.Web.Cluster;

/// <summary>
/// What a stream's owning node knows that the shared store does not: where it runs and its live state. Times are
/// Unix milliseconds (the wire convention of the hub messages).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record StreamOwnerReport(
    [property: Id(0)] string? Node,
    [property: Id(1)] string? State,
    [property: Id(2)] long StateSinceMs,
    [property: Id(3)] string? Detail,
    [property: Id(4)] double? LastDelayMs,
    [property: Id(5)] bool Alert,
    [property: Id(6)] long? LastWindowAtMs,
    [property: Id(7)] long Windows,
    [property: Id(8)] long DroppedWindows,
    [property: Id(9)] long WatchedSinceMs);
