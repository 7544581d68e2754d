using System.Globalization;
using System.Text.Json.Serialization;
using Avts.Engine.Media;
using Avts.Engine.Scoring;

namespace Avts.Engine.Reports;

/// <summary>
/// The versioned output of one check (schema <see cref="CurrentSchema"/>), serialised as snake_case JSON.
/// Sign convention everywhere: <see cref="AudioDelayMs"/> &gt; 0 means the sound is late (after the picture).
/// Figures are rounded once here (ms to 0.1, seconds to 0.001, confidence to 0.001) and the verdict is taken on the
/// rounded delay, so every output format shows the same digits and never a verdict that contradicts them.
/// </summary>
public sealed record SyncReport
{
    /// <summary>The schema version written by this build; bump it when a field changes meaning or goes away.</summary>
    public const int CurrentSchema = 1;

    /// <summary>Schema version of this object.</summary>
    public int Schema { get; init; } = CurrentSchema;

    /// <summary>The input path or URL as given.</summary>
    public required string Input { get; init; }

    /// <summary>The estimator used (e.g. "onset").</summary>
    public required string Method { get; init; }

    /// <summary>Overall audio delay in ms (positive = sound late), null when undetermined.</summary>
    public required double? AudioDelayMs { get; init; }

    /// <summary>The delay in video frames (positive = sound late), null when undetermined or the frame rate is unknown.</summary>
    public double? AudioDelayFrames { get; init; }

    /// <summary>Overall confidence, 0..1.</summary>
    public required double Confidence { get; init; }

    /// <summary>
    /// How far the delay may lie from the truth, ms, as measured for the method on footage it never saw; null (and left
    /// out) when the method declares none. A delay outside the tolerance by less than this gets no "fail".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? UncertaintyMs { get; init; }

    /// <summary>
    /// Why the verdict is undetermined, in one line (no delay, or a delay outside the tolerance by less than
    /// <see cref="UncertaintyMs"/>); null (and left out) otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UndeterminedReason { get; init; }

    /// <summary>Whether the input had anything to sync on.</summary>
    public required bool Synchronizable { get; init; }

    /// <summary>The delay judged against <see cref="Profile"/>.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The tolerance used for the verdict.</summary>
    public required ReportProfile Profile { get; init; }

    /// <summary>The analysed video stream, when probed.</summary>
    public ReportVideo? Video { get; init; }

    /// <summary>The analysed audio stream, when probed.</summary>
    public ReportAudio? Audio { get; init; }

    /// <summary>The analysis settings.</summary>
    public ReportAnalysis? Analysis { get; init; }

    /// <summary>The face the answer was taken from (lip-sync methods: the one whose lips explain the sound best); left out otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FaceRegion? Face { get; init; }

    /// <summary>What the decode delivered against the probe; null (and left out) when not measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportDecode? Decode { get; init; }

    /// <summary>Per-window estimates in time order.</summary>
    public required IReadOnlyList<ReportWindow> Windows { get; init; }

    /// <summary>Wall-clock time of the whole check (decode and analysis), seconds.</summary>
    public required double ElapsedS { get; init; }

    /// <summary>Version of the tool that wrote the report.</summary>
    public string ToolVersion { get; init; } = EngineInfo.Version;

    /// <summary>Builds a report from an analysis, rounding every figure and judging the rounded delay.</summary>
    /// <param name="input">The input as given on the command line.</param>
    /// <param name="info">The probe result (stream details).</param>
    /// <param name="analysis">The estimator's result.</param>
    /// <param name="profile">The tolerance to judge against.</param>
    /// <param name="options">The analysis settings used.</param>
    /// <param name="decode">The decode settings used (for start/duration), when known.</param>
    /// <param name="elapsed">Wall-clock time of the check.</param>
    /// <param name="primingCorrectionSeconds">Undeclared AAC priming the decoder removed (0 when none).</param>
    /// <param name="coverage">What the decode delivered; an incomplete decode gives no verdict (undetermined).</param>
    public static SyncReport Create(
        string input,
        MediaInfo info,
        SyncAnalysis analysis,
        ToleranceProfile profile,
        AnalysisOptions options,
        DecodeOptions? decode,
        TimeSpan elapsed,
        double primingCorrectionSeconds = 0,
        DecodeCoverage? coverage = null)
    {
        // No verdict from a fraction of the input: what was not decoded may hold the answer.
        var synchronizable = analysis.Synchronizable && coverage is not { IsComplete: false };
        var delay = synchronizable ? ReportNumbers.Ms(analysis.AudioDelayMs) : null;
        var fps = info.Video?.FrameRate ?? 0;
        var verdict = profile.Judge(delay, synchronizable, analysis.UncertaintyMs);
        return new SyncReport
        {
            Input = input,
            Method = analysis.Method,
            AudioDelayMs = delay,
            AudioDelayFrames = delay is { } d && fps > 0 ? ReportNumbers.Round(d * fps / 1000, 2) : null,
            Confidence = ReportNumbers.Confidence(analysis.Confidence),
            Synchronizable = synchronizable,
            UncertaintyMs = analysis.UncertaintyMs > 0 ? ReportNumbers.Ms(analysis.UncertaintyMs) : null,
            UndeterminedReason = delay is { } measured
                ? verdict == Verdict.Undetermined
                    ? string.Create(CultureInfo.InvariantCulture, $"{measured:+0.0;-0.0} ms lies outside the allowed range by less than the method's measured uncertainty (±{analysis.UncertaintyMs:0} ms)")
                    : null
                : coverage is { IsComplete: false } ? "the input did not decode completely: " + coverage.Problem
                : analysis.BeyondRangeDelayMs is { } beyond
                    ? string.Create(CultureInfo.InvariantCulture, $"the best match ({beyond:+0;-0} ms) lies beyond the requested range of ±{options.RangeSeconds:0.###} s; widen --range")
                : "nothing to sync on",
            Verdict = verdict,
            Profile = ReportProfile.From(profile),
            Video = info.Video is { } v
                ? new ReportVideo(
                    v.Codec, ReportNumbers.Round(v.FrameRate, 3), v.Width, v.Height, ReportNumbers.Seconds(v.StartSeconds), v.IsVariableFrameRate)
                : null,
            Audio = info.Audio is { } a
                ? new ReportAudio(
                    a.Codec, a.SampleRate, a.Channels, ReportNumbers.Seconds(a.StartSeconds),
                    primingCorrectionSeconds > 0 ? ReportNumbers.Seconds(primingCorrectionSeconds) : null)
                : null,
            Analysis = new ReportAnalysis(
                options.WindowSeconds,
                options.HopSeconds,
                options.RangeSeconds,
                ReportNumbers.Seconds(decode?.StartSeconds),
                ReportNumbers.Seconds(decode?.DurationSeconds)),
            Face = analysis.Face,
            Decode = coverage is null
                ? null
                : new ReportDecode(
                    coverage.IsComplete,
                    coverage.VideoFrames,
                    coverage.VideoFramesExpected,
                    ReportNumbers.Seconds(coverage.AudioSeconds),
                    ReportNumbers.Seconds(coverage.AudioSecondsExpected),
                    coverage.Problem),
            Windows = [.. analysis.Windows.Select(w => new ReportWindow(
                ReportNumbers.Seconds(w.StartSeconds),
                ReportNumbers.Seconds(w.EndSeconds),
                ReportNumbers.Ms(w.AudioDelayMs),
                ReportNumbers.Confidence(w.Confidence)))],
            ElapsedS = ReportNumbers.Seconds(elapsed.TotalSeconds),
        };
    }
}
