namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// A face box in image pixels with inclusive edges, dlib's rectangle convention: the shape predictor maps its
/// mean shape's (0,0) to (<see cref="Left"/>, <see cref="Top"/>) and (1,1) to (<see cref="Right"/>, <see cref="Bottom"/>).
/// </summary>
/// <param name="Left">Leftmost column.</param>
/// <param name="Top">Top row.</param>
/// <param name="Right">Rightmost column (inclusive).</param>
/// <param name="Bottom">Bottom row (inclusive).</param>
public readonly record struct FaceBox(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Width in pixels, edges included (dlib's width()).</summary>
    public int Width => Right - Left + 1;

    /// <summary>Height in pixels, edges included.</summary>
    public int Height => Bottom - Top + 1;

    /// <summary>Horizontal centre.</summary>
    public double CentreX => (Left + Right) / 2.0;

    /// <summary>Vertical centre.</summary>
    public double CentreY => (Top + Bottom) / 2.0;

    /// <summary>The box of <paramref name="width"/> x <paramref name="height"/> pixels centred on (<paramref name="centreX"/>, <paramref name="centreY"/>).</summary>
    public static FaceBox Around(double centreX, double centreY, double width, double height)
    {
        var left = (int)Math.Round(centreX - ((width - 1) / 2.0), MidpointRounding.AwayFromZero);
        var top = (int)Math.Round(centreY - ((height - 1) / 2.0), MidpointRounding.AwayFromZero);
        return new FaceBox(
            left, top, left + Math.Max(0, (int)Math.Round(width, MidpointRounding.AwayFromZero) - 1),
            top + Math.Max(0, (int)Math.Round(height, MidpointRounding.AwayFromZero) - 1));
    }

    /// <summary>Area of the overlap with <paramref name="other"/> over the area of the smaller box (1 when one holds the other).</summary>
    public double OverlapOfSmaller(FaceBox other)
    {
        var overlap = Overlap(other);
        return overlap == 0 ? 0 : overlap / Math.Min((double)Width * Height, (double)other.Width * other.Height);
    }

    /// <summary>Area of the overlap with <paramref name="other"/> over the area of the union (0 when apart).</summary>
    public double IntersectionOverUnion(FaceBox other)
    {
        var overlap = Overlap(other);
        return overlap == 0 ? 0 : overlap / (((double)Width * Height) + ((double)other.Width * other.Height) - overlap);
    }

    private double Overlap(FaceBox other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(Left, other.Left) + 1;
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top) + 1;
        return width <= 0 || height <= 0 ? 0 : (double)width * height;
    }
}
