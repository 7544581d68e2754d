using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Tracking;

/// <summary>
/// How landmarks sit against the predictor's mean shape: the similarity that best places the mean shape (box units)
/// onto them gives the box the predictor would have needed (its scale is the box side, its image of the box centre
/// the box centre), and what the similarity cannot explain, per unit of box side, says how face-like the shape is.
/// </summary>
/// <param name="Placement">The similarity from box units to pixels.</param>
/// <param name="Residual">Root-mean-square distance of the landmarks from the placed mean shape, over the side.</param>
internal readonly record struct ShapeFit(Similarity Placement, double Residual)
{
    /// <summary>The implied box side (right minus left) in pixels, unrounded.</summary>
    public double Side => Placement.Scale;

    /// <summary>The predictor-convention box the landmarks imply.</summary>
    public FaceBox Box
    {
        get
        {
            var (x, y) = Placement.Apply(0.5, 0.5);
            // The predictor maps box units with right - left pixels per unit; FaceBox's width counts both edges.
            return FaceBox.Around(x, y, Side + 1, Side + 1);
        }
    }

    /// <summary>Fits <paramref name="meanShape"/> (box units) to <paramref name="points"/> (pixels), both x, y interleaved.</summary>
    public static ShapeFit Of(ReadOnlySpan<float> meanShape, ReadOnlySpan<float> points)
    {
        var placement = Similarity.Fit(meanShape, points);
        double squares = 0;
        for (var i = 0; i < meanShape.Length; i += 2)
        {
            var (x, y) = placement.Apply(meanShape[i], meanShape[i + 1]);
            squares += ((points[i] - x) * (points[i] - x)) + ((points[i + 1] - y) * (points[i + 1] - y));
        }

        var residual = placement.Scale > 0 ? Math.Sqrt(squares / (meanShape.Length / 2)) / placement.Scale : double.PositiveInfinity;
        return new ShapeFit(placement, residual);
    }
}
