namespace Avts.Engine.Dsp;

/// <summary>
/// A uniform time grid shared by every feature of one analysis: point <c>k</c> is at <c>Origin + k * Step</c> seconds
/// on the container timeline, so audio and video features line up index for index.
/// </summary>
/// <param name="Origin">Time of point 0, seconds.</param>
/// <param name="Step">Spacing in seconds.</param>
/// <param name="Count">Number of points.</param>
internal readonly record struct TimeGrid(double Origin, double Step, int Count)
{
    /// <summary>Time of point <paramref name="index"/> in seconds.</summary>
    public double TimeAt(double index) => Origin + (index * Step);

    /// <summary>Fractional grid position of <paramref name="seconds"/>.</summary>
    public double PositionOf(double seconds) => (seconds - Origin) / Step;

    /// <summary>A grid covering [<paramref name="start"/>, <paramref name="end"/>] with a whole number of steps.</summary>
    public static TimeGrid Covering(double start, double end, double step)
    {
        // Anchor on a multiple of the step so the grid does not depend on where a track happens to start.
        var origin = Math.Floor(start / step) * step;
        var count = (int)Math.Ceiling((end - origin) / step) + 1;
        return new TimeGrid(origin, step, Math.Max(count, 1));
    }
}
