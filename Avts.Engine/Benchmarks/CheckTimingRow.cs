namespace Avts.Engine.Benchmarks;

/// <summary>Wall time of one step of an offline check of a file (median and minimum over the runs).</summary>
/// <param name="Step"><c>ffmpeg_decode</c> (ffmpeg -f null, full size), <c>avts_decode</c> (the decode check asks for) or <c>avts_check</c> (decode + analysis + report, in process).</param>
/// <param name="Description">What the step runs, in words.</param>
/// <param name="MediaSeconds">Duration of the file, seconds.</param>
/// <param name="Runs">Timed runs.</param>
/// <param name="MedianSeconds">Median wall time, seconds.</param>
/// <param name="MinSeconds">Shortest wall time, seconds.</param>
/// <param name="XRealTime">Media seconds per wall second at the median (higher is faster).</param>
public sealed record CheckTimingRow(
    string Step,
    string Description,
    double MediaSeconds,
    int Runs,
    double MedianSeconds,
    double MinSeconds,
    double XRealTime) : SpeedRow;
