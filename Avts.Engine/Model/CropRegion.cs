namespace Avts.Engine.Model;

/// <summary>A square region of a video frame, in the decoded track's pixels, that a model clip is cut from.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Side">Width and height.</param>
public readonly record struct CropRegion(int X, int Y, int Side)
{
    /// <summary>The largest centred square of a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public static CropRegion Centre(int width, int height)
    {
        var side = Math.Min(width, height);
        return new CropRegion((width - side) / 2, (height - side) / 2, side);
    }

    /// <summary>Whether the region lies inside a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public bool FitsIn(int width, int height) => Side > 0 && X >= 0 && Y >= 0 && X + Side <= width && Y + Side <= height;
}
