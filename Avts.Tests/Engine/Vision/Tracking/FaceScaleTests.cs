using Avts.Engine.Vision.Tracking;

namespace Avts.Tests.Engine.Vision.Tracking;

public sealed class FaceScaleTests
{
    [Theory]
    [InlineData(320, 15, 454, 1816)] // a stage shot: the 4x upscale cap of a 454 px source
    [InlineData(320, 40, 1920, 800)] // a wide shot: 40 px at 320 -> 100 px at 800
    [InlineData(320, 33, 1920, 970)] // rounded up to even
    [InlineData(320, 150, 1920, 320)] // big enough already: never below the analysis width
    [InlineData(320, 5, 3840, 2560)] // the absolute cap
    public void DecodeWidth_MakesTheFace100PixelsWithinTheCaps(int frameWidth, double faceWidth, double sourceWidth, int expected)
    {
        Assert.Equal(expected, FaceScale.DecodeWidth(frameWidth, faceWidth, sourceWidth));
    }
}
