namespace Avts.Engine.Reports;

/// <summary>The analysed video stream, as probed.</summary>
/// <param name="Codec">Codec name.</param>
/// <param name="Fps">Average frame rate (0 when unknown).</param>
/// <param name="Width">Coded width, pixels.</param>
/// <param name="Height">Coded height, pixels.</param>
/// <param name="StartS">Presentation time of the first frame, seconds.</param>
/// <param name="VariableFrameRate">Whether the stream looks variable-frame-rate.</param>
public sealed record ReportVideo(string Codec, double Fps, int Width, int Height, double StartS, bool VariableFrameRate);
