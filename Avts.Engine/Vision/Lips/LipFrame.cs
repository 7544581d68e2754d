using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Lips;

/// <summary>
/// The identity-free lip input of one face in one frame: mouth shape as aligned landmark coordinates and mouth
/// appearance as a landmark-aligned grey crop, both flat float arrays.
/// </summary>
/// <param name="FrameIndex">Index of the frame in its video track.</param>
/// <param name="TimestampSeconds">Presentation time of the frame, in seconds (container timeline).</param>
/// <param name="MouthPoints">
/// Landmarks 48-67 (x, y interleaved, 40 floats) in the face-aligned frame: origin midway between the eye centres,
/// x along the eye line, y down, unit = distance between the eye centres (see <see cref="LipFeatures.AlignMouthPoints"/>).
/// </param>
/// <param name="MouthCrop">
/// The grey mouth crop, <see cref="CropSize"/> x <see cref="CropSize"/> values in 0..1, rows back to back: mouth
/// corner 48 at pixel (S/4, S/2) and corner 54 at (3S/4, S/2) for S = <see cref="CropSize"/>.
/// </param>
/// <param name="CropSize">Side of the mouth crop in pixels.</param>
/// <param name="FaceSize">Size of the face in the decoded frame, in pixels (landmarks want 80 or more).</param>
/// <param name="Face">Where the face is in the decoded frame: the box its landmarks were predicted from.</param>
public sealed record LipFrame(int FrameIndex, double TimestampSeconds, float[] MouthPoints, float[] MouthCrop, int CropSize, double FaceSize, FaceBox Face);
