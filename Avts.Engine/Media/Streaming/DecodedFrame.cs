namespace Avts.Engine.Media.Streaming;

/// <summary>One decoded grey frame of a stream: its presentation time and its pixels (a pooled buffer, at least one frame long).</summary>
/// <param name="Seconds">Presentation timestamp on the container timeline, seconds.</param>
/// <param name="Pixels">The frame's bytes (the first width x height of the buffer).</param>
internal readonly record struct DecodedFrame(double Seconds, byte[] Pixels);
