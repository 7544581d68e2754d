namespace Avts.Engine.Vision;

/// <summary>
/// A 2-D similarity (rotation, uniform scale, translation): x' = A x - B y + Tx, y' = B x + A y + Ty.
/// </summary>
/// <param name="A">Scale times the cosine of the rotation.</param>
/// <param name="B">Scale times the sine of the rotation.</param>
/// <param name="Tx">Horizontal translation.</param>
/// <param name="Ty">Vertical translation.</param>
public readonly record struct Similarity(double A, double B, double Tx, double Ty)
{
    /// <summary>The identity.</summary>
    public static Similarity Identity => new(1, 0, 0, 0);

    /// <summary>The scale factor.</summary>
    public double Scale => Math.Sqrt((A * A) + (B * B));

    /// <summary>The rotation in radians (counter-clockwise in x-right, y-up axes; clockwise on screen).</summary>
    public double Angle => Math.Atan2(B, A);

    /// <summary>The image of (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public (double X, double Y) Apply(double x, double y) => ((A * x) - (B * y) + Tx, (B * x) + (A * y) + Ty);

    /// <summary>This transform applied after <paramref name="inner"/>: p -> this(inner(p)).</summary>
    public Similarity After(Similarity inner) => new(
        (A * inner.A) - (B * inner.B),
        (B * inner.A) + (A * inner.B),
        (A * inner.Tx) - (B * inner.Ty) + Tx,
        (B * inner.Tx) + (A * inner.Ty) + Ty);

    /// <summary>The inverse transform (the identity for a zero scale).</summary>
    public Similarity Inverse()
    {
        var squared = (A * A) + (B * B);
        if (squared == 0)
        {
            return Identity;
        }

        var a = A / squared;
        var b = -B / squared;
        return new Similarity(a, b, -((a * Tx) - (b * Ty)), -((b * Tx) + (a * Ty)));
    }

    /// <summary>
    /// The least-squares similarity taking points <paramref name="from"/> to <paramref name="to"/> (x and y
    /// interleaved, same length; Umeyama 1991); the identity for fewer than two points, a translation for a
    /// source whose points all coincide.
    /// </summary>
    public static Similarity Fit(ReadOnlySpan<float> from, ReadOnlySpan<float> to)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(to.Length, from.Length, nameof(to));
        var count = from.Length / 2;
        if (count < 2)
        {
            return Identity;
        }

        double meanFromX = 0, meanFromY = 0, meanToX = 0, meanToY = 0;
        for (var i = 0; i < 2 * count; i += 2)
        {
            meanFromX += from[i];
            meanFromY += from[i + 1];
            meanToX += to[i];
            meanToY += to[i + 1];
        }

        meanFromX /= count;
        meanFromY /= count;
        meanToX /= count;
        meanToY /= count;

        double variance = 0, c00 = 0, c01 = 0, c10 = 0, c11 = 0;
        for (var i = 0; i < 2 * count; i += 2)
        {
            var fx = from[i] - meanFromX;
            var fy = from[i + 1] - meanFromY;
            var tx = to[i] - meanToX;
            var ty = to[i + 1] - meanToY;
            variance += (fx * fx) + (fy * fy);
            c00 += tx * fx;
            c01 += tx * fy;
            c10 += ty * fx;
            c11 += ty * fy;
        }

        if (variance == 0)
        {
            return new Similarity(1, 0, meanToX - meanFromX, meanToY - meanFromY);
        }

        // In 2-D Umeyama's SVD reduces to this closed form: scale x rotation = [[p, -q], [q, p]] / variance with
        // p = C00 + C11, q = C10 - C01 of the cross-covariance C (the reflection case ends at the same matrix).
        var a = (c00 + c11) / variance;
        var b = (c10 - c01) / variance;
        return new Similarity(a, b, meanToX - ((a * meanFromX) - (b * meanFromY)), meanToY - ((b * meanFromX) + (a * meanFromY)));
    }
}
