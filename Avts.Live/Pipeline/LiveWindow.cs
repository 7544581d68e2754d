using Avts.Engine.Media;

namespace Avts.Live.Pipeline;

/// <summary>
/// One window of one stream, cut by presentation timestamps and ready to score: the frames and samples whose PTS fall
/// in [<see cref="StartSeconds"/>, <see cref="EndSeconds"/>).
/// </summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Sequence">0, 1, 2... per stream, in window order.</param>
/// <param name="StartSeconds">Window start, source timeline, seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="Media">The window's frames (null when no video arrived) and audio (null when no audio arrived).</param>
/// <param name="CompletedAt">When the data closing the window arrived; latency runs from here to the result.</param>
public sealed record LiveWindow(
    string Stream,
    long Sequence,
    double StartSeconds,
    double EndSeconds,
    DecodedMedia Media,
    DateTimeOffset CompletedAt);
