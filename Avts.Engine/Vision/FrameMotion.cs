namespace Avts.Engine.Vision;

/// <summary>
/// Per-frame picture features, one entry per frame of the track (entry 0 has no predecessor and holds NaN for the
/// difference features).
/// </summary>
/// <param name="TimestampsSeconds">Presentation time of each frame.</param>
/// <param name="Motion">Mean absolute grey difference to the previous frame over the whole frame.</param>
/// <param name="MouthMotion">The same over the mouth region; equal to <paramref name="Motion"/> when no face was found.</param>
/// <param name="BrightnessRise">Increase of mean brightness over the previous frame, clipped at zero (a flash).</param>
/// <param name="CellChange">Largest mean absolute grey difference within one cell of a 4x4 grid
/// (<see cref="FrameChange"/>): what the frozen-picture gate judges.</param>
/// <param name="FaceFound">Whether a face (hence a mouth region) was found.</param>
internal sealed record FrameMotion(
    double[] TimestampsSeconds,
    double[] Motion,
    double[] MouthMotion,
    double[] BrightnessRise,
    double[] CellChange,
    bool FaceFound);
