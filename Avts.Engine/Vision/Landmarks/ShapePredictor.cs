using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Face landmarks by dlib's shape predictor (Kazemi and Sullivan's ensemble of regression trees), reimplemented from
/// dlib/image_processing/shape_predictor.h (dlib 19.24): same model file, same arithmetic (float where dlib uses float,
/// double where it uses double, pixels sampled at the nearest integer position, outside pixels read as 0), so the
/// points agree with dlib's own. Immutable once loaded; Predict may run on many threads at once.
/// </summary>
public sealed class ShapePredictor
{
    /// <summary>Where Debian's libdlib-data installs the 68-point model (trained on iBUG 300-W: non-commercial terms).</summary>
    public const string DefaultModelPath = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

    // Larger files are not shape predictors (the 68-point model is 100 MB) and would only exhaust memory.
    private const long MaxModelBytes = 1L << 30;

    // Feature buffers up to this many floats live on the stack.
    private const int MaxStackFeatures = 4096;

    private readonly ShapeCascade cascade;

    private ShapePredictor(ShapeCascade cascade) => this.cascade = cascade;

    /// <summary>Number of landmarks the model predicts (68 for the iBUG model).</summary>
    public int PartCount => cascade.PartCount;

    /// <summary>The model's mean shape in box-normalised coordinates (box top-left 0,0, bottom-right 1,1), x and y interleaved.</summary>
    public ReadOnlySpan<float> MeanShape => cascade.InitialShape;

    /// <summary>
    /// Loads a dlib shape predictor file. Throws <see cref="FileNotFoundException"/> when it is missing and
    /// <see cref="LandmarkModelException"/> when it is not a usable model; both carry a one-line message.
    /// </summary>
    public static ShapePredictor Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException(
                $"Landmark model not found: {path} (Debian's libdlib-data installs {DefaultModelPath}).", path);
        }

        if (file.Length > MaxModelBytes)
        {
            throw new LandmarkModelException($"{path}: not a usable dlib shape predictor model (the file is larger than 1 GiB).");
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LandmarkModelException($"{path}: cannot read the landmark model ({e.Message})", e);
        }

        return new ShapePredictor(ShapeCascadeReader.Read(data, path));
    }

    /// <summary>
    /// The landmarks of the face in <paramref name="box"/> of an 8-bit grey image (<paramref name="width"/> x
    /// <paramref name="height"/>, rows back to back).
    /// </summary>
    public FaceLandmarks Predict(ReadOnlySpan<byte> grey, int width, int height, FaceBox box)
    {
        var points = new float[cascade.ShapeLength];
        Predict(grey, width, height, box, points);
        return new FaceLandmarks(box, points);
    }

    /// <summary>
    /// Like <see cref="Predict(ReadOnlySpan{byte}, int, int, FaceBox)"/>, writing x and y of every landmark into
    /// <paramref name="points"/> (2 x <see cref="PartCount"/> floats) without allocating.
    /// </summary>
    public void Predict(ReadOnlySpan<byte> grey, int width, int height, FaceBox box, Span<float> points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(grey.Length, width * height, nameof(grey));
        ArgumentOutOfRangeException.ThrowIfNotEqual(points.Length, cascade.ShapeLength, nameof(points));

        Span<float> shape = stackalloc float[cascade.ShapeLength];
        cascade.InitialShape.CopyTo(shape);
        float[]? rented = null;
        var features = cascade.MaxPixelsPerLevel <= MaxStackFeatures
            ? stackalloc float[cascade.MaxPixelsPerLevel]
            : (rented = ArrayPool<float>.Shared.Rent(cascade.MaxPixelsPerLevel)).AsSpan(0, cascade.MaxPixelsPerLevel);
        try
        {
            var image = new BoxImage(grey, width, height, box);
            for (var level = 0; level < cascade.LevelCount; level++)
            {
                var pixels = features[..(cascade.LevelPixelStart[level + 1] - cascade.LevelPixelStart[level])];
                SampleFeaturePixels(image, level, shape, pixels);
                ApplyTrees(level, pixels, shape);
            }

            for (var i = 0; i < shape.Length; i += 2)
            {
                points[i] = (float)image.ToImageX(shape[i]);
                points[i + 1] = (float)image.ToImageY(shape[i + 1]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// dlib's impl::extract_feature_pixel_values: each feature pixel is its anchor landmark in the current shape plus
    /// its mean-shape offset turned and scaled by the similarity from the mean shape to the current one (float), then
    /// mapped into the box (double) and rounded to the nearest pixel; pixels outside the image read 0.
    /// </summary>
    private void SampleFeaturePixels(in BoxImage image, int level, ReadOnlySpan<float> shape, Span<float> values)
    {
        var (m00, m01, m10, m11) = ShapeSimilarity.Linear(cascade.InitialShape, shape);
        var start = cascade.LevelPixelStart[level];
        var anchors = cascade.PixelAnchor.AsSpan(start, values.Length);
        var deltaX = cascade.PixelDeltaX.AsSpan(start, values.Length);
        var deltaY = cascade.PixelDeltaY.AsSpan(start, values.Length);
        for (var k = 0; k < values.Length; k++)
        {
            var anchor = 2 * anchors[k];
            // Written as dlib evaluates tform*delta + location: each product and sum rounded to float in this order.
            var x = (m00 * deltaX[k]) + (m01 * deltaY[k]) + shape[anchor];
            var y = (m10 * deltaX[k]) + (m11 * deltaY[k]) + shape[anchor + 1];
            values[k] = image.Intensity(x, y);
        }
    }

    /// <summary>dlib's regression_tree::operator(): walk each tree of the level to a leaf and add the leaf to the shape.</summary>
    private void ApplyTrees(int level, ReadOnlySpan<float> features, Span<float> shape)
    {
        var splits = cascade.Splits;
        var leaves = cascade.Leaves;
        var splitStart = cascade.TreeSplitStart;
        var leafStart = cascade.TreeLeafStart;
        var end = cascade.LevelTreeStart[level + 1];
        for (var tree = cascade.LevelTreeStart[level]; tree < end; tree++)
        {
            var treeSplits = splits.AsSpan(splitStart[tree], splitStart[tree + 1] - splitStart[tree]);
            var node = 0;
            while (node < treeSplits.Length)
            {
                var split = treeSplits[node];
                node = features[split.First] - features[split.Second] > split.Threshold ? (2 * node) + 1 : (2 * node) + 2;
            }

            AddInPlace(shape, leaves.AsSpan(leafStart[tree] + ((node - treeSplits.Length) * shape.Length), shape.Length));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddInPlace(Span<float> target, ReadOnlySpan<float> source)
    {
        // Element-wise float adds in any grouping give dlib's sums exactly; vectors only do several at once.
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var wideTarget = MemoryMarshal.Cast<float, Vector<float>>(target);
            var wideSource = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (var v = 0; v < wideTarget.Length; v++)
            {
                wideTarget[v] += wideSource[v];
            }

            i = wideTarget.Length * Vector<float>.Count;
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
