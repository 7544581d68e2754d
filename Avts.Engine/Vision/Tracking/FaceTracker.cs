using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Tracking;

/// <summary>
/// Follows faces through a stream frame by frame with 68-point landmarks. A face is found by the Haar detector (its
/// box mapped to the predictor's convention), then followed by its own landmarks: the next frame is predicted from
/// the box the current landmarks imply. A new track needs landmarks that agree with its detection and must not sit
/// inside a larger face or below it (its body); it is reported once <see cref="FaceTrackerOptions.ConfirmDetections"/>
/// detections have matched it. A track ends when its fit degrades: the face size or centre jumps between
/// frames, the shape stops looking like a face, the box centre leaves the frame, or the face-aligned appearance
/// stops correlating with the previous frame's (a cut). Full-frame detection runs every
/// <see cref="FaceTrackerOptions.RedetectEvery"/> frames (every frame while nothing is tracked) to confirm tracks,
/// re-anchor drifting ones and start new ones. Feed frames in presentation order; one instance per stream, not
/// thread-safe.
/// </summary>
public sealed class FaceTracker : IDisposable
{
    // A detection and a track with at least this overlap (intersection over union) are the same face.
    private const double SameFaceOverlap = 0.3;

    // A box covering this much of a smaller one marks the same place: a face does not hold another face (the cascade
    // and the predictor sometimes make a small "face" of a large face's nose and mouth).
    private const double SamePlaceOverlap = 0.5;

    // A smaller "face" whose centre lies below a face, within these multiples of that face's size (sideways, down), is
    // taken for the same person's body: the cascades fired, repeatedly, on a shirt (LRS3 00018) and on a neckline
    // with a necklace (av/talking/4). A real second face there would be a child in front of an adult.
    private const double BodySideways = 0.75;
    private const double BodyDown = 3;

    // A confirmed track whose box overlaps its detection less than this restarts from the detection.
    private const double DriftOverlap = 0.5;

    // A detection within this size ratio of a track's box (either way) is the same face at the same scale.
    private const double SameSizeRatio = 1.4;

    // Least overlap (intersection over union) between a detection and the box its refined landmarks imply for a track
    // to start. On real faces (152 detections paired with dlib faces by scripts/fit-face-box.sh) it is 0.687 or more
    // in 99 % of cases (median 0.878); detections of part of a face (an eye behind glasses, LRS2 clip 00004) gave
    // 0.42-0.63, the landmarks moving off towards the whole face.
    private const double MinStartAgreement = 0.65;

    private readonly ShapePredictor predictor;
    private readonly FaceTrackerOptions options;
    private readonly FaceDetector detector;
    private readonly List<FaceTrack> tracks = [];
    private int nextId = 1;
    // Starts (and restarts) past any interval: the first frame of a stream is always searched.
    private int framesSinceDetection = int.MaxValue / 2;
    // Frames since a track (confirmed or not) last existed: past SearchDenseFrames the search slows to IdleSearchEvery.
    private int framesWithoutFace;

    /// <summary>
    /// Creates a tracker over <paramref name="predictor"/> (shared, thread-safe); the Haar cascades come from
    /// <paramref name="cascadeFolder"/> (default: the engine's, see <see cref="FaceDetector"/>).
    /// </summary>
    public FaceTracker(ShapePredictor predictor, FaceTrackerOptions? options = null, string? cascadeFolder = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        this.predictor = predictor;
        this.options = options ?? new FaceTrackerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.RedetectEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.SearchEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.IdleSearchEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxFaces, 1);
        detector = new FaceDetector(this.options.MinFaceWidth, cascadeFolder);
    }

    /// <summary>Full-frame detections run so far (the tracker's main cost; tests check the search schedule with it).</summary>
    internal int Detections { get; private set; }

    /// <summary>The confirmed tracks after the latest frame, with their internal state (for the offline backward pass).</summary>
    internal IEnumerable<FaceTrack> Tracks => tracks.Where(t => t.Confirmed);

    /// <summary>The faces in the next frame of the stream (8-bit grey, rows back to back), largest first.</summary>
    public IReadOnlyList<TrackedFace> Next(ReadOnlySpan<byte> grey, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grey.Length, width * height, nameof(grey));
        for (var i = tracks.Count - 1; i >= 0; i--)
        {
            var track = tracks[i];
            track.Age++;
            if (++track.FramesSinceDetection > options.MaxUnconfirmedFrames
                || (!track.Confirmed && track.Age > options.ConfirmWithinFrames)
                || Follow(grey, width, height, track.State) is not { } next)
            {
                tracks.RemoveAt(i);
                continue;
            }

            track.State = next;
        }

        RemoveShadowedTracks();

        // Every frame while a new track waits for its confirming detections; every SearchEvery frames for the first
        // SearchDenseFrames without any face, then every IdleSearchEvery (a faceless picture, animation or sport, would
        // otherwise pay a detection every other frame for its whole length); every RedetectEvery frames while faces
        // are followed.
        framesWithoutFace = tracks.Count > 0 ? 0 : framesWithoutFace + 1;
        var interval = tracks.Any(t => t.Confirmed) ? options.RedetectEvery
            : framesWithoutFace > options.SearchDenseFrames ? options.IdleSearchEvery
            : options.SearchEvery;
        var due = ++framesSinceDetection >= interval;
        if (tracks.Any(t => !t.Confirmed) || due)
        {
            framesSinceDetection = 0;
            Detect(grey, width, height);
        }

        return [.. Tracks.OrderByDescending(t => t.State.Fit.Side).Select(t => t.ToTrackedFace())];
    }

    /// <summary>Forgets every track (a new shot or stream); ids keep counting up.</summary>
    public void Reset()
    {
        tracks.Clear();
        framesSinceDetection = int.MaxValue / 2;
        framesWithoutFace = 0;
    }

    /// <inheritdoc />
    public void Dispose() => detector.Dispose();

    /// <summary>
    /// The face of <paramref name="previous"/> in this frame, predicted from the box its landmarks imply, or null when
    /// the fit degraded (see the class summary).
    /// </summary>
    internal FaceState? Follow(ReadOnlySpan<byte> grey, int width, int height, FaceState previous)
    {
        var landmarks = predictor.Predict(grey, width, height, previous.Fit.Box);
        var fit = ShapeFit.Of(predictor.MeanShape, landmarks.Points);
        if (!Plausible(fit, previous.Fit, width, height))
        {
            return null;
        }

        var patch = FacePatch.Sample(grey, width, height, fit.Placement);
        return FacePatch.Correlation(patch, previous.Patch) >= options.MinAppearanceCorrelation ? new FaceState(landmarks, fit, patch) : null;
    }

    /// <summary>
    /// Matches this frame's detections (largest first) to the tracks. A detection on a track's place (see
    /// <see cref="SamePlace"/>) of about the track's size confirms it, and restarts it when the boxes disagree; a much
    /// larger one restarts it too (the fit had shrunk onto part of the face, such as an eye behind glasses); a much
    /// smaller one is a part of the face and is ignored. Other detections start tracks.
    /// </summary>
    private void Detect(ReadOnlySpan<byte> grey, int width, int height)
    {
        Detections++;
        var detections = detector.Detect(grey, width, height).OrderByDescending(d => d.Width).ToList();
        var claimed = new HashSet<FaceTrack>();
        foreach (var detection in detections)
        {
            var track = tracks.Where(t => !claimed.Contains(t) && SamePlace(t.State.Fit.Box, detection))
                .MaxBy(t => t.State.Fit.Box.IntersectionOverUnion(detection));
            if (track is not null)
            {
                var sizeRatio = detection.Width / (double)track.State.Fit.Box.Width;
                if (sizeRatio < 1 / SameSizeRatio)
                {
                    continue;
                }

                claimed.Add(track);
                track.FramesSinceDetection = 0;
                track.Confirmed |= ++track.Detections >= options.ConfirmDetections;
                if ((sizeRatio > SameSizeRatio || track.State.Fit.Box.IntersectionOverUnion(detection) < DriftOverlap)
                    && Start(grey, width, height, detection) is { } restarted)
                {
                    track.State = restarted;
                }

                continue;
            }

            if (tracks.Count < options.MaxFaces
                && !tracks.Any(t => Shadows(t.State.Fit.Box, detection) || Shadows(detection, t.State.Fit.Box))
                && Start(grey, width, height, detection) is { } started)
            {
                var added = new FaceTrack(nextId++, started) { Confirmed = options.ConfirmDetections <= 1 };
                claimed.Add(added);
                tracks.Add(added);
            }
        }
    }

    // Enough overlap for two boxes to be the same face, or one box mostly inside the other.
    private static bool SamePlace(FaceBox track, FaceBox detection) =>
        track.IntersectionOverUnion(detection) >= SameFaceOverlap || track.OverlapOfSmaller(detection) >= SamePlaceOverlap;

    /// <summary>
    /// Whether a face in box <paramref name="face"/> rules out one in <paramref name="other"/>: they share a place (one
    /// mostly inside the other), or <paramref name="other"/> is smaller and sits on <paramref name="face"/>'s body.
    /// </summary>
    internal static bool Shadows(FaceBox face, FaceBox other)
    {
        if (face.OverlapOfSmaller(other) >= SamePlaceOverlap)
        {
            return true;
        }

        var down = other.CentreY - face.CentreY;
        return other.Width < face.Width
            && Math.Abs(other.CentreX - face.CentreX) <= BodySideways * face.Width
            && down > 0 && down <= BodyDown * face.Width;
    }

    /// <summary>Of tracks where one <see cref="Shadows"/> another, keeps the larger face (the older one when equal).</summary>
    private void RemoveShadowedTracks()
    {
        var ordered = tracks.OrderByDescending(t => t.State.Fit.Side).ThenBy(t => t.Id).ToList();
        for (var i = ordered.Count - 1; i > 0; i--)
        {
            if (ordered.Take(i).Any(larger => Shadows(larger.State.Fit.Box, ordered[i].State.Fit.Box)))
            {
                tracks.Remove(ordered[i]);
            }
        }
    }

    /// <summary>
    /// The face in a fresh detection: landmarks predicted from the detector's box, then once more from the box those
    /// landmarks imply, which removes most of the detector's placement error. Null when the result is not face-like
    /// or the landmarks disagree with the detection (see <see cref="MinStartAgreement"/>).
    /// </summary>
    private FaceState? Start(ReadOnlySpan<byte> grey, int width, int height, FaceBox detection)
    {
        var first = predictor.Predict(grey, width, height, detection);
        var landmarks = predictor.Predict(grey, width, height, ShapeFit.Of(predictor.MeanShape, first.Points).Box);
        var fit = ShapeFit.Of(predictor.MeanShape, landmarks.Points);
        return fit.Residual <= options.MaxShapeResidual && Inside(fit.Box, width, height)
            && fit.Box.IntersectionOverUnion(detection) >= MinStartAgreement
            ? new FaceState(landmarks, fit, FacePatch.Sample(grey, width, height, fit.Placement))
            : null;
    }

    private bool Plausible(ShapeFit fit, ShapeFit previous, int width, int height)
    {
        var sizeChange = Math.Abs((fit.Side / previous.Side) - 1);
        var (x, y) = fit.Placement.Apply(0.5, 0.5);
        var (previousX, previousY) = previous.Placement.Apply(0.5, 0.5);
        var jump = Math.Sqrt(((x - previousX) * (x - previousX)) + ((y - previousY) * (y - previousY)));
        return fit.Residual <= options.MaxShapeResidual
            && sizeChange <= options.MaxSizeChange
            && jump <= options.MaxCentreJump * previous.Side
            && fit.Side >= options.MinFaceWidth / 2.0
            && Inside(fit.Box, width, height);
    }

    // The box centre must stay in the frame: a face half out of the picture has no mouth to read.
    private static bool Inside(FaceBox box, int width, int height) =>
        box.CentreX >= 0 && box.CentreX < width && box.CentreY >= 0 && box.CentreY < height;
}
