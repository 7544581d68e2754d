namespace Avts.Live.Sources;

/// <summary>One chunk of decoded mono PCM; sample <c>i</c> is presented at <c>PtsSeconds + i / SampleRate</c>.</summary>
/// <param name="ArrivedAt">When it reached Avts.</param>
/// <param name="PtsSeconds">Presentation timestamp of the first sample on the source's timeline, seconds.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Samples">Mono samples in [-1, 1].</param>
public sealed record AudioChunkEvent(DateTimeOffset ArrivedAt, double PtsSeconds, int SampleRate, float[] Samples)
    : SourceEvent(ArrivedAt)
{
    /// <summary>Presentation time just after the last sample, seconds.</summary>
    public double EndSeconds => PtsSeconds + ((double)Samples.Length / SampleRate);
}
