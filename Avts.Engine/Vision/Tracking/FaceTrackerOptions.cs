namespace Avts.Engine.Vision.Tracking;

/// <summary>How <see cref="FaceTracker"/> finds, follows and gives up faces. Frame counts are in frames of the stream.</summary>
public sealed record FaceTrackerOptions
{
    /// <summary>Smallest face the detector looks for, in frame pixels (landmarks want 80 or more).</summary>
    public int MinFaceWidth { get; init; } = 60;

    /// <summary>
    /// Frames between full-frame detections while faces are tracked (they confirm tracks and find new faces). A
    /// detection costs about 25 ms on a 320 px frame against 0.4 ms for a face's landmarks, so this sets most of the
    /// tracking cost: 25 (one a second at 25 fps) keeps it near 1 ms a frame.
    /// </summary>
    public int RedetectEvery { get; init; } = 25;

    /// <summary>
    /// Frames between full-frame detections while no face is followed. 2 halves the cost of a faceless picture; 3 or
    /// more missed a near-profile face the detector finds on few frames (faces/deep_avsr/00024: 0 % of its frames
    /// followed against 100 % at 1 and 2).
    /// </summary>
    public int SearchEvery { get; init; } = 2;

    /// <summary>
    /// Frames searched every <see cref="SearchEvery"/> frames after the last face was lost (or the stream began)
    /// before the search slows to <see cref="IdleSearchEvery"/>: 2 s at 25 fps, which covers faces/deep_avsr/00024.
    /// </summary>
    public int SearchDenseFrames { get; init; } = 50;

    /// <summary>
    /// Frames between detections once <see cref="SearchDenseFrames"/> went by without any face: one a second at 25 fps,
    /// so a faceless picture costs about 1 ms a frame (a detection is ~25 ms at 320 px) and a face that appears is
    /// found within a second.
    /// </summary>
    public int IdleSearchEvery { get; init; } = 25;

    /// <summary>
    /// Detections, in separate frames, a new track needs before it is reported: the Haar cascade fires on single frames
    /// of shirts and curtains now and then, but rarely again and again on the same spot.
    /// </summary>
    public int ConfirmDetections { get; init; } = 3;

    /// <summary>A new track not confirmed within this many frames is dropped (detection runs every frame meanwhile).</summary>
    public int ConfirmWithinFrames { get; init; } = 12;

    /// <summary>
    /// A track that no detection has confirmed for more frames than this is dropped. The frontal detector misses
    /// turned heads for seconds while their landmarks stay usable, so this is a backstop; the appearance check
    /// (<see cref="MinAppearanceCorrelation"/>) is what ends a track at a cut.
    /// </summary>
    public int MaxUnconfirmedFrames { get; init; } = 250;

    /// <summary>
    /// Smallest correlation between the face-aligned appearance of consecutive frames; below it the face was lost
    /// (a shot cut, an occlusion, a box that slid off the face). Measured on the faces/ and av/talking clips: tracked
    /// faces gave 0.81 or more in 99 % of 5949 frame pairs (median 0.99); the previous clip's face placement on the next
    /// clip's first frame, a cut, gave a median 0.23.
    /// </summary>
    public double MinAppearanceCorrelation { get; init; } = 0.5;

    /// <summary>Largest change of the face size from one frame to the next, as a share; a larger one means a lost fit.</summary>
    public double MaxSizeChange { get; init; } = 0.25;

    /// <summary>Largest move of the face centre from one frame to the next, as a share of the face size.</summary>
    public double MaxCentreJump { get; init; } = 0.35;

    /// <summary>Largest landmark misfit to the mean face shape (root-mean-square, in face sizes) a tracked face may have.</summary>
    public double MaxShapeResidual { get; init; } = 0.2;

    /// <summary>Most faces tracked at once (the largest detections win).</summary>
    public int MaxFaces { get; init; } = 4;
}
