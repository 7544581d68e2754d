using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// The <c>lips</c> method (the default pairing; <c>AVTS_LIPS_SECOND_WEIGHTS=none</c> for the first model alone): two
/// lip-sync models trained apart (the shipped mouth-shape model and one that also reads a landmark-aligned mouth crop)
/// score the same followed faces. The answer is the first model's when it commits on its own; otherwise it is the
/// mean of the two models' peaks where they lie within <see cref="AgreementMs"/> of each other, both confidences reach
/// <see cref="AgreementFloor"/>, and the first model, asked about each half of the input alone, peaks within
/// <see cref="HalvesAgreementMs"/> of that mean on both; otherwise the case stays undetermined. The two models follow
/// relative shifts equally well but are wrong on different clips, so their agreement commits where neither alone can;
/// the halves catch the far minimum both can share on one stretch of speech (av/talking/3.mp4: −1443 ms from both).
/// Measured on the dev speakers (docs/results.md, issue 15): 39 of 99 cases within ±80 ms and none confidently wrong,
/// against 25 and 0 for the first model alone; no fail on the in-sync talking heads of av/.
/// </summary>
/// <param name="first">The model whose own commits stand (its confidence calibrated, its commit threshold in its card).</param>
/// <param name="second">The second opinion; the faces are followed with its crops when it reads larger crops than <paramref name="first"/>.</param>
public sealed class LipsPairEstimator(AvtsEstimator first, AvtsEstimator second) : ISyncEstimator
{
    /// <summary>Largest distance between the two models' peaks that counts as agreement, ms.</summary>
    public const double AgreementMs = 60;

    /// <summary>Smallest confidence both models need for their agreement to count.</summary>
    public const double AgreementFloor = 0.2;

    /// <summary>
    /// Largest distance between the agreed delay and the first model's peak on either half of the input (each
    /// analysed alone) for the agreement to stand, ms: the broadcast tolerance the bench counts as right.
    /// </summary>
    public const double HalvesAgreementMs = 80;

    /// <summary>Shortest span, seconds, whose halves (overlapping by one model clip) are each worth analysing.</summary>
    public const double ShortestHalvedSeconds = 2.8;

    /// <inheritdoc />
    public string Name => first.Name;

    /// <inheritdoc />
    public Task<DecodeOptions> PrepareDecodeAsync(string input, MediaInfo info, DecodeOptions requested, CancellationToken cancellationToken) =>
        first.PrepareDecodeAsync(input, info, requested, cancellationToken);

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        var video = media.Video ?? throw new ArgumentException("The lips method needs a video track.", nameof(media));
        // Face tracking is most of a lips check's cost: follow once, with the larger of the two models' crops.
        var follower = second.Options.LipCropSize > first.Options.LipCropSize ? second : first;
        var faces = follower.FollowLips(video, cancellationToken);
        var own = first.Analyze(media, options, faces, cancellationToken);
        if (own.Face is null || (own.Synchronizable && own.AudioDelayMs is not null))
        {
            return own;
        }

        var other = second.Analyze(media, options, faces, cancellationToken);
        if (own.PeakDelayMs is not { } ownPeak || other.PeakDelayMs is not { } otherPeak
            || Math.Abs(ownPeak - otherPeak) > AgreementMs || Math.Min(own.Confidence, other.Confidence) < AgreementFloor)
        {
            return own;
        }

        var delayMs = (ownPeak + otherPeak) / 2;
        if (!HalvesAgree(media, options, faces, delayMs, cancellationToken))
        {
            return own;
        }

        // Two models' evidence, combined as independent windows are (1 - the product of the chances both are wrong).
        var confidence = 1 - ((1 - own.Confidence) * (1 - other.Confidence));
        return own with { AudioDelayMs = delayMs, Confidence = confidence, Synchronizable = true, PeakDelayMs = delayMs };
    }

    // Both models can settle on the same far minimum of one stretch of speech (av/talking/3.mp4: -1443 ms, both);
    // a delay the input shows throughout is also where the first model peaks on each half of it alone.
    private bool HalvesAgree(DecodedMedia media, AnalysisOptions options, IReadOnlyList<Vision.Lips.LipTrack> faces, double delayMs, CancellationToken cancellationToken)
    {
        var (video, audio) = (media.Video!, media.Audio!);
        var start = Math.Max(video.StartSeconds, audio.StartSeconds);
        var end = Math.Min(video.EndSeconds, audio.EndSeconds);
        if (end - start < ShortestHalvedSeconds)
        {
            return false;
        }

        var middle = (start + end) / 2;
        var overlap = first.Options.WindowSeconds / 2;
        return new[] { (start, middle + overlap), (middle - overlap, end) }
            .All(half => first.Analyze(media, options, faces, cancellationToken, half).PeakDelayMs is { } peak && Math.Abs(peak - delayMs) <= HalvesAgreementMs);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
