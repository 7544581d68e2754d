namespace Avts.Live.Pipeline;

/// <summary>
/// Turns one stream's scored windows into reported results: a smoothed delay, a drift and an alert with hysteresis.
/// Pure (time comes in as an argument) and not thread-safe: one per stream, fed from the scoring thread.
/// <para>
/// Only committed windows (state <see cref="StreamState.Live"/>, with a delay) move the delay, the drift and the
/// alert. Silent, frozen, undetermined, no-audio and no-video windows say nothing about sync, so they neither count as
/// good nor bad and do not reset the alert counters: a stream that is out of sync, goes silent for a while and comes
/// back still out of sync keeps counting towards (or keeps) its alert.
/// </para>
/// </summary>
public sealed class StreamTracker
{
    /// <summary>
    /// A committed delay this far (ms) from the current median is a candidate step. Two candidates in a row that agree
    /// with each other within the same distance replace the median's history, so a real step (a re-patched feed) shows
    /// within two windows whatever <see cref="LiveOptions.SmoothingWindows"/> is, while a single outlier only enters the
    /// history, where the median outvotes it.
    /// </summary>
    public const double StepThresholdMs = 80;

    /// <summary>Committed points must span at least this long (seconds of window centres) before a drift is given.</summary>
    public const double MinimumDriftSpanSeconds = 30;

    private readonly LiveOptions options;
    private readonly List<double> history = [];
    private readonly List<double> stepCandidates = [];
    private readonly List<(double Centre, double DelayMs)> driftPoints = [];
    private int badInRow;
    private int goodInRow;

    /// <summary>Creates a tracker with <paramref name="options"/>' smoothing, drift span, tolerance and hysteresis.</summary>
    public StreamTracker(LiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The reported (smoothed) delay so far, ms; null before the first committed window.</summary>
    public double? SmoothedDelayMs { get; private set; }

    /// <summary>Whether the out-of-tolerance alert is raised.</summary>
    public bool Alert { get; private set; }

    /// <summary>
    /// Takes the next window's score (windows in order) and returns what to report. <paramref name="now"/> is the
    /// scheduler's clock when the score came back; <paramref name="droppedWindows"/> is the stream's drop count so far.
    /// </summary>
    public LiveWindowResult Track(LiveWindow window, WindowScore score, DateTimeOffset now, long droppedWindows)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(score);
        var committed = score.State == StreamState.Live && score.AudioDelayMs is { } d && double.IsFinite(d);
        var raw = committed ? score.AudioDelayMs : null;
        if (raw is { } delay)
        {
            Smooth(delay);
            AddDriftPoint((window.StartSeconds + window.EndSeconds) / 2, delay);
            // A delay outside the tolerance by less than the method's measured uncertainty could be the method's own
            // error: it neither raises nor clears the alert.
            var allowed = options.Tolerance.Allows(delay);
            if (allowed || options.Tolerance.Exceeds(delay, score.UncertaintyMs))
            {
                CountTowardsAlert(allowed);
            }
        }

        return new LiveWindowResult(
            window.Stream,
            window.StartSeconds,
            window.EndSeconds,
            SmoothedDelayMs,
            raw,
            score.Confidence,
            score.State,
            Drift(),
            Alert,
            (now - window.CompletedAt).TotalMilliseconds,
            droppedWindows)
        {
            Curve = score.Curve,
        };
    }

    private void Smooth(double delay)
    {
        if (SmoothedDelayMs is { } median && Math.Abs(delay - median) > StepThresholdMs)
        {
            if (stepCandidates.Count > 0 && Math.Abs(delay - stepCandidates[^1]) > StepThresholdMs)
            {
                stepCandidates.Clear();
            }

            stepCandidates.Add(delay);
        }
        else
        {
            stepCandidates.Clear();
        }

        if (stepCandidates.Count >= 2)
        {
            history.Clear();
            history.AddRange(stepCandidates);
            stepCandidates.Clear();
        }
        else
        {
            history.Add(delay);
        }

        var keep = Math.Max(1, options.SmoothingWindows);
        if (history.Count > keep)
        {
            history.RemoveRange(0, history.Count - keep);
        }

        SmoothedDelayMs = Median(history);
    }

    /// <summary>
    /// Keeps the committed points of the last <see cref="LiveOptions.DriftMinutes"/>. A window centre earlier than the
    /// newest point means the source's timeline restarted (reconnect): the old points belong to another clock and are
    /// dropped.
    /// </summary>
    private void AddDriftPoint(double centre, double delay)
    {
        if (driftPoints.Count > 0 && centre <= driftPoints[^1].Centre)
        {
            driftPoints.Clear();
        }

        driftPoints.Add((centre, delay));
        var oldest = centre - (options.DriftMinutes * 60);
        driftPoints.RemoveAll(p => p.Centre < oldest);
    }

    /// <summary>Least-squares slope of delay against window centre, ms per minute; null until the points span enough.</summary>
    private double? Drift()
    {
        if (driftPoints.Count < 2 || driftPoints[^1].Centre - driftPoints[0].Centre < MinimumDriftSpanSeconds)
        {
            return null;
        }

        var meanT = driftPoints.Average(p => p.Centre);
        var meanD = driftPoints.Average(p => p.DelayMs);
        double covariance = 0, variance = 0;
        foreach (var (t, d) in driftPoints)
        {
            covariance += (t - meanT) * (d - meanD);
            variance += (t - meanT) * (t - meanT);
        }

        return variance > 0 ? covariance / variance * 60 : null;
    }

    private void CountTowardsAlert(bool good)
    {
        if (good)
        {
            goodInRow++;
            badInRow = 0;
            if (Alert && goodInRow >= Math.Max(1, options.ClearAfterGoodWindows))
            {
                Alert = false;
            }
        }
        else
        {
            badInRow++;
            goodInRow = 0;
            if (!Alert && badInRow >= Math.Max(1, options.AlertAfterBadWindows))
            {
                Alert = true;
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
