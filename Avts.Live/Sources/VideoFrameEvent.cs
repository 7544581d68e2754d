namespace Avts.Live.Sources;

/// <summary>One decoded grey video frame at the analysis size.</summary>
/// <param name="ArrivedAt">When it reached Avts.</param>
/// <param name="PtsSeconds">Presentation timestamp on the source's timeline (shared with its audio), seconds.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Pixels">Width x height grey bytes, row-major.</param>
public sealed record VideoFrameEvent(DateTimeOffset ArrivedAt, double PtsSeconds, int Width, int Height, byte[] Pixels)
    : SourceEvent(ArrivedAt);
