namespace Avts.Engine.Reports;

/// <summary>The analysed audio stream, as probed.</summary>
/// <param name="Codec">Codec name.</param>
/// <param name="SampleRate">Native sample rate, Hz.</param>
/// <param name="Channels">Channel count.</param>
/// <param name="StartS">Presentation time of the first sample, seconds (may be negative, e.g. Opus pre-skip).</param>
/// <param name="PrimingCorrectionS">AAC encoder priming that the file did not declare (no edit list) and that the
/// decoder removed, seconds; null when none was needed.</param>
public sealed record ReportAudio(string Codec, int SampleRate, int Channels, double StartS, double? PrimingCorrectionS);
