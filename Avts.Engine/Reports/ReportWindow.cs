namespace Avts.Engine.Reports;

/// <summary>One analysis window in a report.</summary>
/// <param name="StartS">Window start on the container timeline, seconds.</param>
/// <param name="EndS">Window end, seconds.</param>
/// <param name="AudioDelayMs">Delay in ms (positive = sound late), null when the window had nothing to sync on.</param>
/// <param name="Confidence">0..1.</param>
public sealed record ReportWindow(double StartS, double EndS, double? AudioDelayMs, double Confidence);
