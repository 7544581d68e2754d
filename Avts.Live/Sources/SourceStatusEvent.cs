namespace Avts.Live.Sources;

/// <summary>A change of a source's connection status.</summary>
/// <param name="ArrivedAt">When it happened.</param>
/// <param name="Status">The new status.</param>
/// <param name="Detail">One line saying why (ffmpeg's last error line, "no data for 10 s", ...), or null.</param>
public sealed record SourceStatusEvent(DateTimeOffset ArrivedAt, SourceStatus Status, string? Detail) : SourceEvent(ArrivedAt);
