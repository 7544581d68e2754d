namespace Avts.Engine.Vision.Tracking;

/// <summary>The mutable state of one followed face inside <see cref="FaceTracker"/>.</summary>
internal sealed class FaceTrack(int id, FaceState state)
{
    /// <summary>Stable id.</summary>
    public int Id { get; } = id;

    /// <summary>The face in the latest frame.</summary>
    public FaceState State { get; set; } = state;

    /// <summary>Frames since a detection confirmed the track.</summary>
    public int FramesSinceDetection { get; set; }

    /// <summary>Frames since the track started.</summary>
    public int Age { get; set; }

    /// <summary>Detections that matched the track, the one that started it included.</summary>
    public int Detections { get; set; } = 1;

    /// <summary>Whether enough detections matched the track for it to be reported (it stays so).</summary>
    public bool Confirmed { get; set; }

    /// <summary>The public view of the track in the latest frame.</summary>
    public TrackedFace ToTrackedFace() =>
        new(Id, State.Landmarks, State.Fit.Side, State.Fit.Residual, FramesSinceDetection);
}
