namespace Avts.Engine.Vision;

/// <summary>
/// Resamples a grey image through a similarity: output pixel (u, v) is the bilinear interpolation of the image at
/// T(u, v). Both use the landmarks' convention, pixel (x, y) centred at coordinates (x, y), so a landmark at (x, y)
/// that T maps output (u, v) onto lands on output pixel (u, v). Points beyond the image take the nearest edge pixel.
/// </summary>
internal static class AlignedSampler
{
    /// <summary>
    /// Fills <paramref name="destination"/> (<paramref name="outputWidth"/> x its length / width, rows back to back) with
    /// grey levels 0..255 of <paramref name="grey"/> (<paramref name="width"/> x <paramref name="height"/>) seen
    /// through <paramref name="outputToImage"/>.
    /// </summary>
    public static void Sample(ReadOnlySpan<byte> grey, int width, int height, Similarity outputToImage, int outputWidth, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grey.Length, width * height, nameof(grey));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputWidth);
        var outputHeight = destination.Length / outputWidth;
        for (var v = 0; v < outputHeight; v++)
        {
            for (var u = 0; u < outputWidth; u++)
            {
                var (x, y) = outputToImage.Apply(u, v);
                destination[(v * outputWidth) + u] = Bilinear(grey, width, height, x, y);
            }
        }
    }

    private static float Bilinear(ReadOnlySpan<byte> grey, int width, int height, double x, double y)
    {
        // Clamping the position first gives edge replication and keeps NaN or huge values away from the indexes.
        x = Math.Clamp(double.IsNaN(x) ? 0 : x, 0, width - 1);
        y = Math.Clamp(double.IsNaN(y) ? 0 : y, 0, height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, width - 1);
        var y1 = Math.Min(y0 + 1, height - 1);
        var fx = x - x0;
        var fy = y - y0;
        var top = grey[(y0 * width) + x0] + (fx * (grey[(y0 * width) + x1] - grey[(y0 * width) + x0]));
        var bottom = grey[(y1 * width) + x0] + (fx * (grey[(y1 * width) + x1] - grey[(y1 * width) + x0]));
        return (float)(top + (fy * (bottom - top)));
    }
}
