namespace Avts.Live.Sources;

/// <summary>Something a live source produced: a frame, an audio chunk or a change of connection status.</summary>
/// <param name="ArrivedAt">When the event reached Avts (the injected scheduler's clock); latency is measured from it.</param>
public abstract record SourceEvent(DateTimeOffset ArrivedAt);
