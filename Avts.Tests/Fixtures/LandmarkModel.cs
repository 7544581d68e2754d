using Avts.Engine.Vision.Landmarks;

namespace Avts.Tests.Fixtures;

/// <summary>
/// The 68-point dlib model, loaded once per test run. The project's scripts install it (test.sh runs
/// scripts/ensure-deps.sh, which installs Debian's libdlib-data); a missing file fails with that advice.
/// </summary>
internal static class LandmarkModel
{
    private static readonly Lazy<ShapePredictor> Loaded = new(() =>
    {
        Assert.True(
            File.Exists(ShapePredictor.DefaultModelPath),
            $"{ShapePredictor.DefaultModelPath} is missing: run ./scripts/ensure-deps.sh (it installs Debian's libdlib-data).");
        return ShapePredictor.Load(ShapePredictor.DefaultModelPath);
    });

    /// <summary>The shared predictor (thread-safe).</summary>
    public static ShapePredictor Predictor => Loaded.Value;

    /// <summary>Folder of the committed landmark fixtures (frames and dlib's output).</summary>
    public static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "landmarks");
}
