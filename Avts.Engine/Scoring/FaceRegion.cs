namespace Avts.Engine.Scoring;

/// <summary>The face a lip-sync answer was taken from, in the source's displayed picture (pixels, top-left origin).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Faces">How many faces were followed in that part of the input (the one whose lips explain the sound best is this one).</param>
public sealed record FaceRegion(double X, double Y, double Width, double Height, int Faces);
