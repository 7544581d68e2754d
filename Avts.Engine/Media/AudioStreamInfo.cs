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
    double? DurationSeconds);
