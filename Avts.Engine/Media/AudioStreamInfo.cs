namespace Avts.Engine.Media;

/// <summary>What ffprobe says about the audio stream that is analysed.</summary>
/// <param name="Index">Stream index in the container.</param>
/// <param name="Codec">Codec name (e.g. "aac").</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="StartSeconds">Presentation time of the first sample, in seconds (may be negative, e.g. Opus pre-skip).</param>
/// <param name="DurationSeconds">Stream duration in seconds, when known.</param>
public sealed record AudioStreamInfo(
    int Index,
    string Codec,
    int SampleRate,
    int Channels,
    double StartSeconds,
    double? DurationSeconds)
{
    /// <summary>
    /// Encoder priming samples (at <see cref="SampleRate"/>) that the container does not tell the demuxer to drop:
    /// AAC in MP4/MOV without an edit list, skip-samples side data or iTunSMPB. ffmpeg would present them as content,
    /// so the audio comes out late by this many samples; <see cref="MediaDecoder"/> removes them. 0 when none.
    /// </summary>
    public int UntrimmedPrimingSamples { get; init; }

    /// <summary><see cref="UntrimmedPrimingSamples"/> in seconds.</summary>
    public double UntrimmedPrimingSeconds => SampleRate > 0 ? (double)UntrimmedPrimingSamples / SampleRate : 0;
}
