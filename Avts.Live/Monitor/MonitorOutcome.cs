namespace Avts.Live.Monitor;

/// <summary>How a <see cref="MonitorRun"/> ended.</summary>
/// <param name="Windows">Window results reported, all streams together.</param>
/// <param name="FailedStreams">Streams that had failed when the run stopped.</param>
/// <param name="AllFailed">Whether every stream failed (the monitor exits with an error then).</param>
public sealed record MonitorOutcome(long Windows, int FailedStreams, bool AllFailed);
