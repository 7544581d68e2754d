namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// dlib's impl::find_tform_between_shapes as the cascade uses it: the linear part (scale x rotation) of the
/// least-squares similarity between two shapes, computed in double (dlib's find_similarity_transform) and rounded to
/// float. dlib gets it from an SVD; <see cref="Similarity.Fit"/>'s closed form differs only in the last bits of the
/// double, below what the rounding to float keeps.
/// </summary>
internal static class ShapeSimilarity
{
    /// <summary>The linear part of the similarity taking <paramref name="from"/> to <paramref name="to"/> (x, y interleaved).</summary>
    public static (float M00, float M01, float M10, float M11) Linear(ReadOnlySpan<float> from, ReadOnlySpan<float> to)
    {
        var similarity = Similarity.Fit(from, to);
        return ((float)similarity.A, (float)-similarity.B, (float)similarity.B, (float)similarity.A);
    }
}
