using Avts.Engine.Media;
using Avts.Engine.Vision;

namespace Avts.Engine.Scoring;

/// <summary>
/// The <c>auto</c> method: the lip-sync model wherever there is a face, the event methods elsewhere.
/// <para>
/// The rule, in order: (1) the lip-sync model (<paramref name="lips"/>) committed → its answer; (2) it followed a face
/// but did not commit, or the picture holds a frontal face the landmarks could not follow (the face the pixel
/// network would crop, <see cref="MouthCrop"/>) → the onset method's answer if onset committed, else undetermined: the
/// pixel network learned one face and answers confidently wrong on others (docs/results.md), so on faces it is not
/// asked; (3) no face → the onset and pixel-network combination of <see cref="AutoEstimator"/> (the network wins
/// disagreements: its confidence is calibrated, onset's is not). So on talking heads auto answers exactly as lips does
/// (or better, where onset commits and lips does not), and on events (flashes and beeps, animation, sport) as the
/// event methods do.
/// </para>
/// </summary>
/// <param name="lips">The lip-sync estimator (the network with a lips model).</param>
/// <param name="onset">The onset estimator (stateless: consulted alone on faces and within the event combination).</param>
/// <param name="network">The pixel network estimator, combined with onset where there is no face.</param>
public sealed class FaceFirstEstimator(ISyncEstimator lips, ISyncEstimator onset, ISyncEstimator network) : ISyncEstimator
{
    private readonly AutoEstimator events = new(onset, network);

    /// <inheritdoc />
    public string Name => "auto";

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var faces = lips.Analyze(media, options, cancellationToken);
        if (faces.Synchronizable && faces.AudioDelayMs is not null)
        {
            return faces with { Method = Name };
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (faces.Face is not null || HasFrontalFace(media.Video))
        {
            var events = onset.Analyze(media, options, cancellationToken);
            return events.Synchronizable && events.AudioDelayMs is not null
                ? events with { Method = Name, Face = faces.Face }
                : faces with { Method = Name };
        }

        return events.Analyze(media, options, cancellationToken) with { Method = Name };
    }

    // A near-profile or small face can escape the landmark tracker and still be found by the pixel network's detector,
    // which would then answer from a mouth it was never trained on (faces/deep_avsr/00024 in the dev bench).
    private static bool HasFrontalFace(VideoTrack? video) =>
        video is { FrameCount: > 0 } && MouthCrop.Find(video, video.StartSeconds, video.EndSeconds) is not null;

    /// <summary>Decodes as the lip-sync model wants it (faces big enough for landmarks), then as the others do.</summary>
    public async Task<DecodeOptions> PrepareDecodeAsync(string input, MediaInfo info, DecodeOptions requested, CancellationToken cancellationToken)
    {
        var forFaces = await lips.PrepareDecodeAsync(input, info, requested, cancellationToken).ConfigureAwait(false);
        return await events.PrepareDecodeAsync(input, info, forFaces, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lips.Dispose();
        events.Dispose();
    }
}
