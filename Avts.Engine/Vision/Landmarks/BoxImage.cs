using System.Runtime.CompilerServices;

namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// A grey image seen through a face box: box-normalised coordinates to pixels (dlib's impl::unnormalizing_tform, which
/// maps (0,0) to the top-left corner and (1,1) to the bottom-right one) and nearest-pixel reads.
/// </summary>
internal readonly ref struct BoxImage
{
    private readonly ReadOnlySpan<byte> pixels;
    private readonly int width;
    private readonly int height;
    private readonly double left;
    private readonly double top;
    private readonly double scaleX;
    private readonly double scaleY;

    /// <summary>Views <paramref name="pixels"/> (<paramref name="width"/> x <paramref name="height"/>) through <paramref name="box"/>.</summary>
    public BoxImage(ReadOnlySpan<byte> pixels, int width, int height, FaceBox box)
    {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        left = box.Left;
        top = box.Top;
        scaleX = (double)box.Right - box.Left;
        scaleY = (double)box.Bottom - box.Top;
    }

    /// <summary>Image x of box-normalised x (double, as dlib's point_transform_affine computes it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ToImageX(float x) => (scaleX * x) + left;

    /// <summary>Image y of box-normalised y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ToImageY(float y) => (scaleY * y) + top;

    /// <summary>
    /// The grey level at the pixel nearest to box-normalised (x, y), 0 outside the image. dlib converts the point to
    /// integers with floor(v + 0.5) and tests the image rectangle inclusively.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Intensity(float x, float y)
    {
        var column = Math.Floor(ToImageX(x) + 0.5);
        var row = Math.Floor(ToImageY(y) + 0.5);
        return column >= 0 && column < width && row >= 0 && row < height ? pixels[((int)row * width) + (int)column] : 0f;
    }
}
