namespace Avts.Engine.Reports;

/// <summary>What the decode delivered against what the probe promised (see <see cref="Media.DecodeCoverage"/>).</summary>
/// <param name="Complete">False when part of the input could not be decoded: then no verdict is taken.</param>
/// <param name="VideoFrames">Video frames decoded in the analysed span.</param>
/// <param name="VideoFramesExpected">Frames the probe promised there, null when unknown.</param>
/// <param name="AudioS">Seconds of audio decoded there.</param>
/// <param name="AudioSExpected">Seconds the probe promised there, null when unknown.</param>
/// <param name="Problem">What is missing, in one line; null when complete.</param>
public sealed record ReportDecode(bool Complete, long VideoFrames, long? VideoFramesExpected, double AudioS, double? AudioSExpected, string? Problem);
