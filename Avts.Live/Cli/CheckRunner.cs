using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Engine.Reports;

namespace Avts.Live.Cli;

/// <summary>
/// Decode, estimate, judge: the measurement shared by check and fix. The decoder and the estimators come from
/// <see cref="CliServices"/>, so tests run it on in-memory media.
/// </summary>
internal sealed class CheckRunner(CliServices services, bool verbose)
{
    /// <summary>Measures <paramref name="input"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="MediaInputException">The input cannot be read, or lacks a video or an audio stream.</exception>
    public async Task<CheckOutcome> RunAsync(string input, CheckSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Log($"decoding {input}");
        var media = await services.Decode(input, settings.Decode, cancellationToken).ConfigureAwait(false);

        // The decoder may hand back a track-less side for single-stream inputs; a sync check needs both.
        if (media.Info.Video is null || media.Video is null)
        {
            throw new MediaInputException($"'{input}' has no video stream; a sync check needs picture and sound.");
        }

        if (media.Info.Audio is null || media.Audio is null)
        {
            throw new MediaInputException($"'{input}' has no audio stream; a sync check needs picture and sound.");
        }

        // Resolve before the (slow) analysis so a profile that cannot apply fails at once.
        var profile = settings.ResolveProfile(media.Info.Video.FrameRate);
        var estimator = services.Estimators.Create(settings.Method);
        Log($"decoded {media.Video.FrameCount} frames and {media.Audio.Samples.Length} samples in {clock.Elapsed.TotalSeconds:0.0} s; analysing with {estimator.Name}");

        // Analysis is CPU-bound and synchronous; off the caller's thread so Ctrl-C handling stays responsive.
        var analysis = await Task.Run(() => estimator.Analyze(media, settings.Analysis, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var report = SyncReport.Create(input, media.Info, analysis, profile, settings.Analysis, settings.Decode, clock.Elapsed,
            media.Audio?.PrimingCorrectionSeconds ?? 0);
        Log($"done in {clock.Elapsed.TotalSeconds:0.0} s");
        return new CheckOutcome(report, analysis.Curve);
    }

    private void Log(string message)
    {
        if (verbose)
        {
            services.Error.WriteLine(FormattableString.Invariant($"avts: {message}"));
        }
    }
}
