using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Training.Training;

namespace Avts.Training.Calibration;

/// <summary>
/// Makes calibration samples from in-sync videos: for every video and injected audio shift, the audio track is moved
/// by presentation time (its <see cref="AudioTrack.StartSeconds"/>, so the samples are not recounted from zero) and a
/// few seeded windows are scored by the estimator's own per-window path (<c>AvtsEstimator.ScoreWindows</c>, which
/// <c>Analyze</c> runs too). An estimate is correct within ±<see cref="ToleranceMs"/> of the shift; refused windows
/// score 0 and count as wrong, as they give no delay in a report.
/// </summary>
public static class CalibrationSampler
{
    /// <summary>Largest |estimate − shift| counted as correct, ms (the AVTS offset criterion).</summary>
    public const double ToleranceMs = 40;

    /// <summary>Window starts drawn per video and shift when the video is longer than one window.</summary>
    public const int WindowsPerVideo = 3;

    /// <summary>
    /// Default injected shifts, ms: in sync, a few frames, and well off; all stay inside the default ±2 s search range
    /// and leave short (3 s) clips at least one model clip of common span.
    /// </summary>
    public static IReadOnlyList<double> DefaultShiftsMs { get; } = [0, 120, -120, 400, -400, 1000, -1000];

    /// <summary>
    /// Scores <paramref name="videos"/> at every shift of <paramref name="shiftsMs"/> with <paramref name="estimator"/>
    /// over windows of <paramref name="options"/> (a video shorter than a window gives one window over its whole
    /// common span, as <c>Analyze</c> would). Pairs whose common span is shorter than one model clip give no window.
    /// Progress goes to <paramref name="log"/>.
    /// </summary>
    public static List<CalibrationWindow> Sample(AvtsEstimator estimator, IReadOnlyList<CachedVideo> videos, IReadOnlyList<double> shiftsMs, AnalysisOptions options, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(shiftsMs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var samples = new List<CalibrationWindow>();
        for (var v = 0; v < videos.Count; v++)
        {
            var video = videos[v];
            for (var s = 0; s < shiftsMs.Count; s++)
            {
                var shiftMs = shiftsMs[s];
                var audio = video.Audio with { StartSeconds = video.Audio.StartSeconds + (shiftMs / 1000) };
                var random = new Random(unchecked((seed * 1000003) + (v * 7919) + s));
                var bounds = Bounds(video.Video, audio, options, estimator.Options.WindowSeconds, random);
                foreach (var window in estimator.ScoreWindows(video.Video, audio, bounds, options.RangeSeconds, cancellationToken))
                {
                    var correct = window.DelayMs is { } delay && Math.Abs(delay - shiftMs) <= ToleranceMs;
                    samples.Add(new CalibrationWindow(video.Path, shiftMs, window.StartSeconds, window.EndSeconds, window.DelayMs is null ? 0 : window.RawScore, window.DelayMs, correct));
                }
            }

            if ((v + 1) % 20 == 0 || v + 1 == videos.Count)
            {
                log.WriteLine($"avts-train: calibration scored {v + 1}/{videos.Count} videos ({samples.Count} windows)");
            }
        }

        return samples;
    }

    /// <summary>
    /// Windows over the span both tracks cover: the whole span when it is no longer than a window, else
    /// <see cref="WindowsPerVideo"/> seeded starts; none when the span cannot hold one model clip.
    /// </summary>
    private static List<(double Start, double End)> Bounds(VideoTrack video, AudioTrack audio, AnalysisOptions options, double clipSeconds, Random random)
    {
        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var spanEnd = Math.Min(video.EndSeconds, audio.EndSeconds);
        if (spanEnd - spanStart < clipSeconds)
        {
            return [];
        }

        if (spanEnd - spanStart <= options.WindowSeconds)
        {
            return [(spanStart, spanEnd)];
        }

        var latest = spanEnd - options.WindowSeconds;
        return Enumerable.Range(0, WindowsPerVideo)
            .Select(_ => spanStart + (random.NextDouble() * (latest - spanStart)))
            .Order()
            .Select(start => (start, start + options.WindowSeconds))
            .ToList();
    }
}
