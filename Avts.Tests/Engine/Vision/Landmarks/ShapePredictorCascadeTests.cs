using Avts.Engine.Vision.Landmarks;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Vision.Landmarks;

/// <summary>The cascade's rules on one-split models whose answer is known: split direction, outside pixels, rounding.</summary>
public sealed class ShapePredictorCascadeTests : IDisposable
{
    private const int Width = 40;
    private const int Height = 30;
    private static readonly float[] MeanShape = [0.25f, 0.5f, 0.75f, 0.5f];
    private static readonly float[] LeftLeaf = [0.1f, 0, 0, 0];
    private static readonly float[] RightLeaf = [0, 0.1f, 0, 0];

    private readonly string folder = Directory.CreateTempSubdirectory("avts-cascade-").FullName;

    [Fact]
    public void Predict_FirstPixelBrighter_TakesTheLeftLeaf_ElseTheRight()
    {
        // Pixels anchored at landmark 0 at offsets 0 and +0.5 box widths: (10, 10) and (30, 10) in a box 0..40 x 0..20.
        var predictor = Load(threshold: 10);
        var box = new FaceBox(0, 0, 40, 20);
        var image = new byte[Width * Height];
        image[(10 * Width) + 10] = 200;

        var left = predictor.Predict(image, Width, Height, box);
        image[(10 * Width) + 10] = 0;
        image[(10 * Width) + 30] = 200;
        var right = predictor.Predict(image, Width, Height, box);

        // Landmark 0 starts at (10, 10); the left leaf moves it by 0.1 box widths (4 px), the right one moves it down 2 px.
        Assert.Equal([14, 10, 30, 10], left.Points.Select(v => Math.Round(v, 4)));
        Assert.Equal([10, 12, 30, 10], right.Points.Select(v => Math.Round(v, 4)));
    }

    [Fact]
    public void Predict_PixelOutsideTheImage_ReadsZero()
    {
        // The box puts the second pixel at x = 50, outside the 40-pixel-wide image: it must read 0, not a clamped edge.
        var predictor = Load(threshold: 100);
        var image = new byte[Width * Height];
        Array.Fill(image, (byte)255);

        var landmarks = predictor.Predict(image, Width, Height, new FaceBox(10, 0, 70, 20));

        Assert.Equal(10 + (0.35f * 60), landmarks.X(0), 4);
    }

    [Fact]
    public void Predict_PixelHalfwayBetweenColumns_RoundsUp()
    {
        // Box 0..18 puts landmark 0 at x = 4.5: dlib's floor(v + 0.5) reads column 5 (the bright one) and takes the left
        // leaf; banker's rounding or truncation would read column 4 and take the right one.
        var predictor = Load(threshold: 100);
        var image = new byte[Width * Height];
        image[(10 * Width) + 5] = 200;

        var landmarks = predictor.Predict(image, Width, Height, new FaceBox(0, 0, 18, 20));

        Assert.Equal(0.35f * 18, landmarks.X(0), 4);
    }

    [Fact]
    public void Predict_WrongBufferSizes_Throw()
    {
        var predictor = Load(threshold: 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => predictor.Predict(new byte[10], Width, Height, new FaceBox(0, 0, 9, 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => predictor.Predict(new byte[Width * Height], Width, Height, new FaceBox(0, 0, 9, 9), new float[3]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private ShapePredictor Load(float threshold)
    {
        var path = Path.Combine(folder, "model.dat");
        File.WriteAllBytes(path, DlibModelWriter.OneSplitModel(MeanShape, [(0, 0), (0.5f, 0)], threshold, LeftLeaf, RightLeaf));
        return ShapePredictor.Load(path);
    }
}
