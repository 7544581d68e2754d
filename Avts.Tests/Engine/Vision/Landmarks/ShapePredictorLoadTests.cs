using Avts.Engine.Vision.Landmarks;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Vision.Landmarks;

/// <summary>Model files that are missing, cut short, damaged or not models at all: one-line errors of the right type.</summary>
public sealed class ShapePredictorLoadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("avts-landmarks-").FullName;

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundWithThePath()
    {
        var path = Path.Combine(folder, "absent.dat");

        var error = Assert.Throws<FileNotFoundException>(() => ShapePredictor.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("png")]
    public void Load_NotAModel_ThrowsLandmarkModelException(string kind)
    {
        var bytes = kind switch
        {
            "empty" => [],
            "text" => "this is not a shape predictor\n"u8.ToArray(),
            "random" => RandomBytes(10_000, seed: 7),
            _ => File.ReadAllBytes(Path.Combine(LandmarkModel.FixtureFolder, "open.png")),
        };

        AssertUnusable(Write(kind, bytes));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1_000_000)]
    public void Load_RealModelCutShort_ThrowsLandmarkModelException(int length)
    {
        Assert.True(File.Exists(ShapePredictor.DefaultModelPath), "run ./scripts/ensure-deps.sh (it installs libdlib-data)");
        var prefix = new byte[length];
        using (var model = File.OpenRead(ShapePredictor.DefaultModelPath))
        {
            model.ReadExactly(prefix);
        }

        var error = AssertUnusable(Write("cut.dat", prefix));

        Assert.Contains("ends inside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SmallModelCutAtEveryLength_ThrowsLandmarkModelException()
    {
        var model = SyntheticModel();
        ShapePredictor.Load(Write("whole.dat", model));

        for (var length = 0; length < model.Length; length++)
        {
            AssertUnusable(Write("cut.dat", model[..length]));
        }
    }

    [Fact]
    public void Load_SmallModelWithAnyByteDamaged_LoadsOrThrowsLandmarkModelException_AndPredictionStaysInBounds()
    {
        var model = SyntheticModel();
        var image = new byte[40 * 30];
        foreach (var damage in new byte[] { 0x00, 0x01, 0x08, 0x7F, 0x80, 0x8F, 0xFF })
        {
            for (var at = 0; at < model.Length; at++)
            {
                var damaged = (byte[])model.Clone();
                damaged[at] = damage;
                ShapePredictor predictor;
                try
                {
                    predictor = ShapePredictor.Load(Write("damaged.dat", damaged));
                }
                catch (LandmarkModelException e)
                {
                    Assert.DoesNotContain('\n', e.Message);
                    continue;
                }

                // A damage the format cannot detect (a changed number) still gives a model that predicts safely.
                var landmarks = predictor.Predict(image, 40, 30, new FaceBox(-5, -5, 50, 40));
                Assert.Equal(predictor.PartCount * 2, landmarks.Points.Length);
            }
        }
    }

    [Fact]
    public void Load_WrongVersion_SaysSo()
    {
        var model = SyntheticModel();
        model[1] = 2; // the version integer's only byte

        var error = AssertUnusable(Write("v2.dat", model));

        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] SyntheticModel() =>
        DlibModelWriter.OneSplitModel([0.25f, 0.5f, 0.75f, 0.5f], [(0, 0), (0.5f, 0)], 10, [0.1f, 0, 0, 0], [0, 0.1f, 0, 0]);

    private static LandmarkModelException AssertUnusable(string path)
    {
        var error = Assert.Throws<LandmarkModelException>(() => ShapePredictor.Load(path));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        return error;
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
