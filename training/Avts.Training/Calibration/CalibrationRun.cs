using System.Globalization;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Training.Eval;
using Avts.Training.Training;

namespace Avts.Training.Calibration;

/// <summary>
/// Calibrates the AVTS estimator's window confidence: scores shifted windows of the fit videos
/// (<see cref="CalibrationSampler"/>), fits the isotonic score → P(correct) table, measures the calibrated confidence
/// on held-out videos (10-bin ECE, reliability bins, undetermined share at the commit threshold) and, when asked,
/// stores the table and metrics in the model card.
/// </summary>
public static class CalibrationRun
{
    /// <summary>
    /// Runs the calibration; throws <see cref="ModelCardException"/> or <see cref="TrainingDataException"/> with one
    /// line for unusable weights or data. Progress goes to <paramref name="log"/>.
    /// </summary>
    public static async Task<CalibrationResult> RunAsync(CalibrationOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var card = Checkpoint.ReadCard(options.Weights);
        if (options.Analysis.WindowSeconds < card.Options.WindowSeconds)
        {
            throw new TrainingDataException($"--window {options.Analysis.WindowSeconds} s is shorter than the model's {card.Options.WindowSeconds} s clip");
        }

        var fitVideos = await LoadAsync(options.Data, card.Options, log, cancellationToken).ConfigureAwait(false);
        var heldVideos = options.HeldOut is null ? null : await LoadAsync(options.HeldOut, card.Options, log, cancellationToken).ConfigureAwait(false);
        var shared = heldVideos?.Select(v => v.Path).Intersect(fitVideos.Select(v => v.Path), StringComparer.Ordinal).Count() ?? 0;
        if (shared > 0)
        {
            log.WriteLine($"avts-train: warning: {shared} held-out videos are also fit videos; their ECE is not held out");
        }

        using var estimator = new AvtsEstimator(options.Weights, card.Options, options.Device);

        // Windows are scored over the range a check searches (its guard band included), so the raw scores the tables
        // map are the ones checks produce.
        var searched = options.Analysis with { RangeSeconds = RangeGuard.SearchedSeconds(options.Analysis.RangeSeconds) };
        var fit = CalibrationSampler.Sample(estimator, fitVideos, options.ShiftsMs, searched, options.Seed, log, cancellationToken);
        var held = heldVideos is null ? fit : CalibrationSampler.Sample(estimator, heldVideos, options.ShiftsMs, searched, options.Seed, log, cancellationToken);
        if (fit.Count == 0 || held.Count == 0)
        {
            throw new TrainingDataException("no window could be scored (every video is shorter than one model clip at the given shifts)");
        }

        var calibration = FitTables(fit, options.ShortBelowSeconds, log);
        var calibrated = Confidences(held, calibration);
        var bins = Reliability.Bins(calibrated);
        var ece = Reliability.ExpectedCalibrationError(bins);
        var committed = calibrated.Where(c => c.Score >= SyncGate.MinimumConfidence).ToList();
        var result = new CalibrationResult
        {
            Options = options,
            FitVideos = fitVideos.Count,
            FitSamples = fit.Count,
            FitAccuracy = Share(fit.Select(w => w.Correct)),
            EvalSource = heldVideos is null ? "fit" : "held-out",
            EvalVideos = (heldVideos ?? fitVideos).Count,
            EvalSamples = held.Count,
            EvalAccuracy = Share(held.Select(w => w.Correct)),
            Table = calibration.FullTable!,
            ShortTable = calibration.ShortTable,
            ShortBelowSeconds = calibration.ShortBelowSeconds,
            ShortEvalSamples = held.Count(w => w.SpanSeconds < calibration.ShortBelowSeconds),
            ShortWindowsEce = BandEce(held, calibration, shortBand: true),
            FullWindowsEce = BandEce(held, calibration, shortBand: false),
            Bins = bins,
            Ece = ece,
            UncalibratedEce = Reliability.ExpectedCalibrationError(Reliability.Bins(Confidences(held, WindowCalibration.None))),
            UndeterminedShare = 1 - ((double)committed.Count / calibrated.Count),
            CommittedAccuracy = committed.Count == 0 ? double.NaN : Share(committed.Select(c => c.Correct)),
            CommitThreshold = SyncGate.MinimumConfidence,
            FitWindows = fit,
            EvalWindows = held,
        };
        return options.Write ? result with { CardWritten = WriteCard(options.Weights, card, result) } : result;
    }

    /// <summary>
    /// Fits the isotonic tables: one for windows of at least <paramref name="shortBelowSeconds"/> and one for shorter
    /// windows, when each side has <see cref="MinimumBandWindows"/> fit windows; otherwise one table for all (said in
    /// <paramref name="log"/> when short windows were there but too few).
    /// </summary>
    internal static WindowCalibration FitTables(IReadOnlyList<CalibrationWindow> fit, double shortBelowSeconds, TextWriter log)
    {
        var shortWindows = fit.Where(w => w.SpanSeconds < shortBelowSeconds).ToList();
        var fullWindows = fit.Where(w => w.SpanSeconds >= shortBelowSeconds).ToList();
        var banded = shortWindows.Count >= MinimumBandWindows && fullWindows.Count >= MinimumBandWindows;
        if (!banded && shortWindows.Count > 0 && fullWindows.Count > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: {shortWindows.Count} short and {fullWindows.Count} full fit windows (short: under {shortBelowSeconds:0.##} s); one table for all windows, as a separate short-window table needs {MinimumBandWindows} of each"));
        }

        var full = IsotonicCalibration.Fit((banded ? fullWindows : fit).Select(Sample));
        return new WindowCalibration(full, banded ? IsotonicCalibration.Fit(shortWindows.Select(Sample)) : null, shortBelowSeconds);
    }

    /// <summary>Fewest fit windows on each side of the short-window limit for the short windows to get their own table.</summary>
    internal const int MinimumBandWindows = 100;

    private static CalibrationSample Sample(CalibrationWindow window) => new(window.RawScore, window.Correct);

    /// <summary>The estimator's window confidence for each window under <paramref name="calibration"/>.</summary>
    private static List<CalibrationSample> Confidences(IEnumerable<CalibrationWindow> windows, WindowCalibration calibration) =>
        windows.Select(w => new CalibrationSample(w.Confidence(calibration), w.Correct)).ToList();

    /// <summary>ECE over the short (or the full) windows of <paramref name="windows"/>; NaN when there are none.</summary>
    private static double BandEce(IEnumerable<CalibrationWindow> windows, WindowCalibration calibration, bool shortBand)
    {
        var band = windows.Where(w => (w.SpanSeconds < calibration.ShortBelowSeconds) == shortBand).ToList();
        return band.Count == 0 ? double.NaN : Reliability.ExpectedCalibrationError(Reliability.Bins(Confidences(band, calibration)));
    }

    /// <summary>
    /// Rewrites the card with the table and the metrics <c>calibration_samples</c> and <c>ece_heldout</c> (or
    /// <c>ece_fit</c> without held-out data: an in-sample number must not pass for a held-out one), then reads it back
    /// through the loader's checks.
    /// </summary>
    private static string WriteCard(string weights, ModelCard card, CalibrationResult result)
    {
        var metrics = new Dictionary<string, double>(card.Metrics);
        metrics.Remove("ece_heldout");
        metrics.Remove("ece_fit");
        metrics[result.EvalSource == "held-out" ? "ece_heldout" : "ece_fit"] = Math.Round(result.Ece, 6);
        metrics["calibration_samples"] = result.FitSamples;
        Checkpoint.WriteCard(weights, card with
        {
            ConfidenceCalibration = result.Table,
            ShortWindowCalibration = result.ShortTable,
            ShortWindowSeconds = result.ShortTable is null ? null : result.ShortBelowSeconds,
            Metrics = metrics,
        });
        Checkpoint.ReadCard(weights);
        return Checkpoint.CardPath(weights);
    }

    private static async Task<IReadOnlyList<CachedVideo>> LoadAsync(string folder, AvtsModelOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var catalog = DataCatalog.Find([folder], options, decodeWidth: null);
        // A lips model is calibrated through the estimator, which follows the faces itself: it needs the frames, decoded
        // wide enough for landmarks.
        var cache = options.IsLips
            ? await ClipCache.LoadLipsAsync(catalog.Files, options, lipCache: null, keepPixels: true, log, cancellationToken).ConfigureAwait(false)
            : await ClipCache.LoadAsync(catalog, catalog.Files, options, SyncBenchmark.DecodeWidth, log, cancellationToken).ConfigureAwait(false);
        return cache.Videos.Count > 0 ? cache.Videos : throw new TrainingDataException($"'{folder}' holds no usable videos");
    }

    private static double Share(IEnumerable<bool> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : (double)list.Count(v => v) / list.Count;
    }
}
