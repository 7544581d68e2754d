using Avts.Engine.Vision;

namespace Avts.Tests.Engine.Vision;

public sealed class SimilarityTests
{
    private static readonly float[] Points = [10, 20, 40, 25, 30, 60, 5, 45, 22, 33];

    [Fact]
    public void Fit_PointsMovedByASimilarity_RecoversIt()
    {
        var truth = Rotation(0.4, 2.5, 17, -8);

        var fitted = Similarity.Fit(Points, Apply(truth, Points));

        // The moved points are rounded to float, so the fit is exact to about 1e-6.
        Assert.Equal(truth.A, fitted.A, 5);
        Assert.Equal(truth.B, fitted.B, 5);
        Assert.Equal(truth.Tx, fitted.Tx, 4);
        Assert.Equal(truth.Ty, fitted.Ty, 4);
        Assert.Equal(2.5, fitted.Scale, 5);
        Assert.Equal(0.4, fitted.Angle, 5);
    }

    [Fact]
    public void Inverse_And_After_ComposeToTheIdentity()
    {
        var transform = Rotation(-1.1, 0.7, 3, 4);

        var (x, y) = transform.Inverse().After(transform).Apply(12.5, -7);

        Assert.Equal(12.5, x, 9);
        Assert.Equal(-7, y, 9);
        Assert.Equal(transform.Apply(1, 2), transform.After(Similarity.Identity).Apply(1, 2));
    }

    [Fact]
    public void Fit_FewerThanTwoPointsOrCoincidentOnes_IsIdentityOrATranslation()
    {
        Assert.Equal(Similarity.Identity, Similarity.Fit([1, 2], [5, 6]));
        Assert.Equal(new Similarity(1, 0, 4, 4), Similarity.Fit([1, 2, 1, 2], [5, 6, 5, 6]));
    }

    private static Similarity Rotation(double angle, double scale, double tx, double ty) =>
        new(scale * Math.Cos(angle), scale * Math.Sin(angle), tx, ty);

    private static float[] Apply(Similarity transform, float[] points)
    {
        var moved = new float[points.Length];
        for (var i = 0; i < points.Length; i += 2)
        {
            var (x, y) = transform.Apply(points[i], points[i + 1]);
            moved[i] = (float)x;
            moved[i + 1] = (float)y;
        }

        return moved;
    }
}
