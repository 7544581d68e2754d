using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Tracking;

/// <summary>One face in one frame: its track, its landmarks and how recently a detector confirmed it.</summary>
/// <param name="TrackId">Stable id of the face across frames (ids are not reused within a tracker).</param>
/// <param name="Landmarks">The landmarks in frame pixels, with the box they were predicted from.</param>
/// <param name="FaceSize">Side of the box the landmarks imply (right minus left), in pixels: the predictor wants 80 or more.</param>
/// <param name="ShapeResidual">Landmark misfit to the model's mean shape (root-mean-square, in face sizes).</param>
/// <param name="FramesSinceDetection">Frames between this frame and the detection that last confirmed the track (0: this frame; the
/// offline backward pass counts towards the later detection).</param>
public sealed record TrackedFace(int TrackId, FaceLandmarks Landmarks, double FaceSize, double ShapeResidual, int FramesSinceDetection);
