namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Landmarks of one face in image pixels, unrounded: point i is (<c>Points[2i]</c>, <c>Points[2i+1]</c>). With the
/// 68-point model the numbering is iBUG 300-W's: jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, outer lips 48-59,
/// inner lips 60-67.
/// </summary>
/// <param name="Box">The box the predictor started from.</param>
/// <param name="Points">x and y of every landmark, interleaved.</param>
public sealed record FaceLandmarks(FaceBox Box, float[] Points)
{
    /// <summary>Number of landmarks.</summary>
    public int Count => Points.Length / 2;

    /// <summary>x of landmark <paramref name="index"/>.</summary>
    public float X(int index) => Points[2 * index];

    /// <summary>y of landmark <paramref name="index"/>.</summary>
    public float Y(int index) => Points[(2 * index) + 1];
}
