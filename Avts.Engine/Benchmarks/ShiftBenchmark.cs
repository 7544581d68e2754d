using System.Diagnostics;
using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// The shift benchmark: for every video with audio under a folder, copies with the audio moved by ±each shift (and 0),
/// all cut to the same inner window, checked with each method exactly as <c>avts check</c> checks a file
/// (<see cref="SyncCheckService"/>); reports relative and absolute errors.
/// </summary>
public sealed class ShiftBenchmark
{
    private static readonly string[] VideoExtensions = [".mp4", ".mkv", ".webm", ".mov", ".avi", ".mpg", ".mpeg", ".ts", ".m4v", ".flv"];

    private readonly SyncCheckService checker;
    private readonly IReadOnlyList<string> methods;
    private readonly ILogger logger;

    /// <summary>Creates the benchmark for the given methods (each case is checked with all of them).</summary>
    public ShiftBenchmark(SyncCheckService checker, IReadOnlyList<string> methods, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentOutOfRangeException.ThrowIfZero(methods.Count);
        this.checker = checker;
        this.methods = methods;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the benchmark.</summary>
    /// <exception cref="MediaInputException">The data folder is missing or holds no usable video.</exception>
    public async Task<ShiftBenchmarkResult> RunAsync(ShiftBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (!Directory.Exists(options.DataDirectory))
        {
            throw new MediaInputException($"no such folder: {options.DataDirectory}");
        }

        if (options.ShiftsMs.Any(s => s <= 0 || s / 1000.0 > options.TrimSeconds))
        {
            throw new ArgumentException($"shifts must be positive and at most the trim ({options.TrimSeconds} s).", nameof(options));
        }

        var shifts = SignedShifts(options.ShiftsMs);
        Directory.CreateDirectory(options.WorkDirectory);
        var cases = new List<ShiftCase>();
        var skipped = new List<string>();
        var sources = FindVideos(options.DataDirectory).ToList();
        foreach (var (index, source) in sources.Index())
        {
            cancellationToken.ThrowIfCancellationRequested();
            options.Progress?.Report((double)index / sources.Count);
            var relative = Path.GetRelativePath(options.DataDirectory, source);
            string? reason;
            try
            {
                reason = await RunSourceAsync(source, relative, shifts, options, cases, cancellationToken).ConfigureAwait(false);
            }
            catch (MediaInputException ex)
            {
                // One unreadable or undecodable file must not end a benchmark over a whole folder.
                reason = ex.Message;
            }

            if (reason is not null)
            {
                skipped.Add($"{relative}: {reason}");
                ShiftBenchmarkLog.Skipped(logger, relative, reason);
            }
        }

        options.Progress?.Report(1);
        if (cases.Count == 0)
        {
            throw new MediaInputException($"no usable video with audio under {options.DataDirectory} ({skipped.Count} skipped)");
        }

        return new ShiftBenchmarkResult(
            options.DataDirectory, shifts, options.TrimSeconds, cases, ShiftStatistics.Summarize(cases, methods), skipped,
            stopwatch.Elapsed.TotalSeconds);
    }

    private async Task<string?> RunSourceAsync(
        string source, string relative, IReadOnlyList<int> shifts, ShiftBenchmarkOptions options, List<ShiftCase> cases,
        CancellationToken cancellationToken)
    {
        var info = await MediaProbe.ProbeAsync(source, cancellationToken).ConfigureAwait(false);

        if (info.Video is null || info.Audio is null)
        {
            return info.Video is null ? "no video stream" : "no audio stream";
        }

        var videoEnd = info.Video.StartSeconds + (info.Video.DurationSeconds ?? info.DurationSeconds ?? 0);
        var a = info.Video.StartSeconds + options.TrimSeconds;
        var b = videoEnd - options.TrimSeconds;
        if (b - a < options.MinimumInnerSeconds)
        {
            return $"too short: {b - a + (2 * options.TrimSeconds):0.0} s leaves {Math.Max(0, b - a):0.0} s after trimming {options.TrimSeconds} s each end";
        }

        var decoded = await MediaDecoder.DecodeAsync(
            source, new DecodeOptions { IncludeVideo = false, AudioSampleRate = info.Audio.SampleRate }, cancellationToken).ConfigureAwait(false);
        var audio = decoded.Audio ?? throw new MediaInputException($"{relative}: audio could not be decoded");

        var stem = Path.Combine(options.WorkDirectory, SafeName(relative));
        var innerVideo = stem + ".video.mkv";
        await ShiftCopyMaker.EncodeInnerVideoAsync(source, a, b, options.MaxCopyWidth, innerVideo, cancellationToken).ConfigureAwait(false);
        var group = options.ReportApart.Any(p => FileNameMatches(relative, p)) ? ShiftCase.ApartGroup
            : options.TrainedOn.Any(p => FileNameMatches(relative, p)) ? ShiftCase.TrainedGroup
            : videoEnd - info.Video.StartSeconds < options.ShortBelowSeconds ? ShiftCase.ShortGroup
            : ShiftCase.MainGroup;
        var estimates = new Dictionary<(int Shift, string Method), (double? Ms, double? Peak, double Confidence, string Verdict)>();
        foreach (var shift in shifts)
        {
            var copy = $"{stem}.shift{shift:+0;-0;0}.mkv";
            if (!await ShiftCopyMaker.WriteShiftedCopyAsync(innerVideo, audio, a, b - a, shift, copy, cancellationToken).ConfigureAwait(false))
            {
                return $"audio does not cover the window shifted by {shift} ms";
            }

            foreach (var method in methods)
            {
                var settings = new CheckSettings(method, options.Analysis, new DecodeOptions(), ToleranceProfiles.DefaultName, null)
                {
                    WeightsPath = options.WeightsPath,
                    LandmarksPath = options.LandmarksPath,
                };
                var outcome = await checker.CheckAsync(copy, settings, progress: null, cancellationToken).ConfigureAwait(false);
                var report = outcome.Report;
                estimates[(shift, method)] = (report.AudioDelayMs, outcome.Analysis.PeakDelayMs ?? report.AudioDelayMs, report.Confidence, report.Verdict.ToString().ToLowerInvariant());
                ShiftBenchmarkLog.Checked(logger, relative, shift, method, report.AudioDelayMs, report.Confidence);
            }
        }

        foreach (var shift in shifts)
        {
            foreach (var method in methods)
            {
                var (ms, peak, confidence, verdict) = estimates[(shift, method)];
                var zero = estimates[(0, method)];
                cases.Add(new ShiftCase(
                    relative, shift, method, ms, peak, confidence,
                    RelativeError(ms, zero.Ms, shift), ms - shift,
                    RelativeError(peak, zero.Peak, shift), peak - shift,
                    group,
                    verdict));
            }
        }

        return null;
    }

    private static double? RelativeError(double? estimate, double? zeroShiftEstimate, int shift) =>
        estimate - zeroShiftEstimate - shift;

    /// <summary>0 first, then each magnitude as sound-late (+) and sound-early (−).</summary>
    internal static IReadOnlyList<int> SignedShifts(IReadOnlyList<int> magnitudes) =>
        [0, .. magnitudes.Distinct().Order().SelectMany(s => new[] { s, -s })];

    private static IEnumerable<string> FindVideos(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => VideoExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);

    private static bool FileNameMatches(string relative, string pattern)
    {
        var name = Path.GetFileName(relative);
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase)
                || string.Equals(relative, pattern, StringComparison.OrdinalIgnoreCase);
        }

        var parts = pattern.Split('*');
        var position = 0;
        foreach (var part in parts)
        {
            var found = name.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return name.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase) && name.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }

    private static string SafeName(string relative) =>
        string.Concat(relative.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
