using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// The <c>lips</c> method with a second opinion (opt-in: <c>AVTS_LIPS_SECOND_WEIGHTS</c>): two lip-sync models trained
/// apart (the shipped mouth-shape model and one that also reads a landmark-aligned mouth crop) score the same followed
/// faces. The answer is the first model's when it commits on its own; otherwise it is the mean of the two models'
/// peaks where they lie within <see cref="AgreementMs"/> of each other and both confidences reach
/// <see cref="AgreementFloor"/>; otherwise the case stays undetermined. Measured on the dev speakers (docs/results.md,
/// issue 15): the two models follow relative shifts equally well but are wrong on different clips, so their agreement
/// commits where neither alone can (39 of 99 cases within ±80 ms, 1 confidently wrong, against 25 and 0 for the first
/// model alone; both constants chosen there, leave-one-source-out). It is not the default because on whole in-sync
/// talking heads the two also agree on wrong delays the first model alone abstains on (av/talking/1.mp4 −66 ms,
/// talking/3.mp4 −1443 ms: two false fails).
/// </summary>
/// <param name="first">The model whose own commits stand (its confidence calibrated, its commit threshold in its card).</param>
/// <param name="second">The second opinion; the faces are followed with its crops when it reads larger crops than <paramref name="first"/>.</param>
public sealed class LipsPairEstimator(AvtsEstimator first, AvtsEstimator second) : ISyncEstimator
{
    /// <summary>Largest distance between the two models' peaks that counts as agreement, ms.</summary>
    public const double AgreementMs = 60;

    /// <summary>Smallest confidence both models need for their agreement to count.</summary>
    public const double AgreementFloor = 0.2;

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

        // Two models' evidence, combined as independent windows are (1 - the product of the chances both are wrong).
        var delayMs = (ownPeak + otherPeak) / 2;
        var confidence = 1 - ((1 - own.Confidence) * (1 - other.Confidence));
        return own with { AudioDelayMs = delayMs, Confidence = confidence, Synchronizable = true, PeakDelayMs = delayMs };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
