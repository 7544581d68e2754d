namespace Avts.Engine.Vision.Lips;

/// <summary>The lip input of one tracked face over a video, in presentation order (frames where the face was lost are absent).</summary>
/// <param name="TrackId">The face's track id.</param>
/// <param name="Frames">One entry per frame in which the face has landmarks, in presentation order.</param>
public sealed record LipTrack(int TrackId, IReadOnlyList<LipFrame> Frames);
