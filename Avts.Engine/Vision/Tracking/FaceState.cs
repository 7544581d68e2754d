using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Tracking;

/// <summary>What the tracker knows about a face in one frame: its landmarks, their fit to the mean shape, its patch.</summary>
/// <param name="Landmarks">The landmarks in frame pixels.</param>
/// <param name="Fit">The landmarks' fit to the mean shape (the next frame's box comes from it).</param>
/// <param name="Patch">The normalised face-aligned appearance sample (<see cref="FacePatch"/>).</param>
internal sealed record FaceState(FaceLandmarks Landmarks, ShapeFit Fit, float[] Patch);
