using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Engine.Vision;

namespace Avts.Live.Pipeline;

/// <summary>
/// Scores live windows with a file estimator (<see cref="ISyncEstimator"/>, e.g. onset): checks what is missing, silent
/// or frozen first (cheap, and says why there is no delay), then analyses the window as one clip. The windows of a
/// batch are scored in parallel, at most one per core; the estimators keep no state between calls, so concurrent
/// <see cref="ISyncEstimator.Analyze"/> calls are safe (onset rents a face cascade of its own per call). The scorer owns the
/// estimator: disposing it disposes the estimator.
/// </summary>
public sealed class WindowScorer : IWindowScorer
{
    private readonly ISyncEstimator estimator;
    private readonly double rangeSeconds;

    /// <summary>Wraps <paramref name="estimator"/>; <paramref name="options"/> gives the delay search range.</summary>
    public WindowScorer(ISyncEstimator estimator, LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        this.estimator = estimator;
        rangeSeconds = options.RangeSeconds;
    }

    /// <inheritdoc />
    public string Name => estimator.Name;

    /// <inheritdoc />
    public IReadOnlyList<WindowScore> Score(IReadOnlyList<LiveWindow> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var scores = new WindowScore[windows.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, windows.Count, parallel, i => scores[i] = ScoreOne(windows[i], cancellationToken));
        return scores;
    }

    /// <summary>Scores one window.</summary>
    public WindowScore ScoreOne(LiveWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var media = window.Media;
        if (media.Video is not { FrameCount: > 0 } video)
        {
            return new WindowScore(null, 0, StreamState.NoVideo);
        }

        if (media.Audio is not { Samples.Length: > 0 } audio)
        {
            return new WindowScore(null, 0, StreamState.NoAudio);
        }

        if (SyncGate.IsSilent(audio, window.StartSeconds, window.EndSeconds))
        {
            return new WindowScore(null, 0, StreamState.Silent);
        }

        // Fewer than two frames cannot show motion either way; the estimator then says "undetermined".
        if (video.FrameCount >= 2 && SyncGate.IsFrozen(LargestChange(video)))
        {
            return new WindowScore(null, 0, StreamState.Frozen);
        }

        var length = window.EndSeconds - window.StartSeconds;
        var options = new AnalysisOptions { WindowSeconds = length, HopSeconds = length, RangeSeconds = rangeSeconds };
        var analysis = estimator.Analyze(media, options, cancellationToken);
        var score = analysis.AudioDelayMs is { } delay
            ? new WindowScore(delay, analysis.Confidence, StreamState.Live)
            : new WindowScore(null, analysis.Confidence, StreamState.Undetermined);
        return score with { Curve = analysis.Curve, UncertaintyMs = analysis.UncertaintyMs };
    }

    /// <inheritdoc />
    public void Dispose() => estimator.Dispose();

    /// <summary>Largest change between consecutive frames within one grid cell (the measure the frozen gate judges).</summary>
    internal static double LargestChange(VideoTrack video) =>
        FrameChange.PerFrame(video).Skip(1).DefaultIfEmpty(0).Max();
}
