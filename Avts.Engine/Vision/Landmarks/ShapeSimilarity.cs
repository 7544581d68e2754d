namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Least-squares similarity transforms between two point sets (Umeyama 1991, eq. 34-43), as dlib's
/// find_similarity_transform computes them in double. In 2-D the SVD it uses reduces to a closed form: with the
/// cross-covariance C of the centred sets, scale x rotation = [[p, -q], [q, p]] / var(from), p = C00 + C11,
/// q = C10 - C01 (the reflection case ends at the same matrix), which differs from the SVD's result only in the last bits.
/// </summary>
internal static class ShapeSimilarity
{
    /// <summary>
    /// The linear part (scale x rotation) of the similarity taking <paramref name="from"/> to <paramref name="to"/>
    /// (x and y interleaved, same length), rounded to float as dlib's impl::find_tform_between_shapes uses it.
    /// </summary>
    public static (float M00, float M01, float M10, float M11) Linear(ReadOnlySpan<float> from, ReadOnlySpan<float> to)
    {
        var (a, b, _, _) = Fit(from, to);
        return ((float)a, (float)-b, (float)b, (float)a);
    }

    /// <summary>
    /// The similarity x' = a x - b y + tx, y' = b x + a y + ty that best takes <paramref name="from"/> to
    /// <paramref name="to"/> (x and y interleaved); identity for fewer than two points or a degenerate source.
    /// </summary>
    public static (double A, double B, double Tx, double Ty) Fit(ReadOnlySpan<float> from, ReadOnlySpan<float> to)
    {
        var count = from.Length / 2;
        if (count < 2)
        {
            return (1, 0, 0, 0);
        }

        double meanFromX = 0, meanFromY = 0, meanToX = 0, meanToY = 0;
        for (var i = 0; i < from.Length; i += 2)
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

        double sigmaFrom = 0, c00 = 0, c01 = 0, c10 = 0, c11 = 0;
        for (var i = 0; i < from.Length; i += 2)
        {
            var fx = from[i] - meanFromX;
            var fy = from[i + 1] - meanFromY;
            var tx = to[i] - meanToX;
            var ty = to[i + 1] - meanToY;
            sigmaFrom += (fx * fx) + (fy * fy);
            c00 += tx * fx;
            c01 += tx * fy;
            c10 += ty * fx;
            c11 += ty * fy;
        }

        if (sigmaFrom == 0)
        {
            return (1, 0, meanToX - meanFromX, meanToY - meanFromY);
        }

        // dlib divides the covariance and the variance by the count; the ratio is the same.
        var a = (c00 + c11) / sigmaFrom;
        var b = (c10 - c01) / sigmaFrom;
        return (a, b, meanToX - ((a * meanFromX) - (b * meanFromY)), meanToY - ((b * meanFromX) + (a * meanFromY)));
    }
}
