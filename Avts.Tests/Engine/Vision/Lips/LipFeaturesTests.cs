using Avts.Engine.Vision;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Vision.Lips;

public sealed class LipFeaturesTests
{
    [Theory]
    [InlineData(0, 1, 0, 0)]
    [InlineData(0.35, 2.5, 140, -60)]
    [InlineData(-0.8, 0.4, -20, 300)]
    [InlineData(Math.PI, 1.7, 500, 500)]
    public void AlignMouthPoints_MovedRotatedScaledFace_GivesTheSameCoordinates(double angle, double scale, double tx, double ty)
    {
        var face = LandmarkFrames.DlibPoints("open");
        var moved = Apply(new Similarity(scale * Math.Cos(angle), scale * Math.Sin(angle), tx, ty), face);

        var expected = LipFeatures.AlignMouthPoints(Landmarks(face));
        var actual = LipFeatures.AlignMouthPoints(Landmarks(moved));

        Assert.Equal(LipFeatures.MouthPointValues, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 3);
        }
    }

    [Fact]
    public void AlignMouthPoints_RealFace_EyeMidpointOriginAndEyeDistanceUnit()
    {
        // dlib's points of a frontal face: the mouth corners lie about one eye distance below the eyes, either side
        // of the centre line, and the lower lip below the upper.
        var aligned = LipFeatures.AlignMouthPoints(Landmarks(LandmarkFrames.DlibPoints("closed-smile")));

        Assert.InRange(aligned[1], 0.8, 1.3); // corner 48's y
        Assert.InRange(aligned[0], -0.7, -0.2); // corner 48's x
        Assert.InRange(aligned[12], 0.2, 0.7); // corner 54's x
        Assert.True(aligned[(2 * 9) + 1] > aligned[(2 * 3) + 1], "lower lip (57) below upper lip (51)");
    }

    [Fact]
    public void Reference_IsTheModelsMeanFaceInTheAlignedFrame()
    {
        var mean = LandmarkModel.Predictor.MeanShape.ToArray();

        var aligned = LipFeatures.AlignMouthPoints(Landmarks(mean));

        // The mean face's mouth in the aligned frame (the same computation that gave the reference's eyes and nose):
        // corners 48 and 54 at (-0.4451, 1.0606) and (0.4450, 1.0606), lower lip centre 57 at (0, 1.3049).
        Assert.Equal(-0.4451, aligned[0], 3);
        Assert.Equal(1.0606, aligned[1], 3);
        Assert.Equal(0.4450, aligned[12], 3);
        Assert.Equal(1.3049, aligned[19], 3);
    }

    [Fact]
    public void MouthCrop_PutsTheCornersOnTheirPixels()
    {
        // A dark picture with two bright dots where a tilted mouth's corners are; a 32-pixel crop must show them at
        // (8, 16) and (24, 16).
        const int Width = 200, Height = 150;
        var (left, right) = ((61.3f, 82.6f), (118.9f, 97.1f));
        var pixels = new byte[Width * Height];
        foreach (var (x, y) in new[] { left, right })
        {
            for (var row = 0; row < Height; row++)
            {
                for (var column = 0; column < Width; column++)
                {
                    var d2 = ((column - x) * (column - x)) + ((row - y) * (row - y));
                    pixels[(row * Width) + column] = (byte)Math.Max(pixels[(row * Width) + column], 250 * Math.Exp(-d2 / 8));
                }
            }
        }

        var face = new float[136];
        (face[96], face[97], face[108], face[109]) = (left.Item1, left.Item2, right.Item1, right.Item2);

        var crop = LipFeatures.MouthCrop(pixels, Width, Height, Landmarks(face));

        Assert.Equal(32 * 32, crop.Length);
        var brightest = Enumerable.Range(0, crop.Length).OrderByDescending(i => crop[i]).Take(2).Select(i => (i % 32, i / 32)).Order().ToArray();
        Assert.Equal([(8, 16), (24, 16)], brightest);
        Assert.All(crop, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void MouthCrop_IsABilinearResampling()
    {
        // On a horizontal ramp (value = column), a crop with corners 16 px apart on a level line samples columns at
        // half-pixel steps: crop pixel u reads column x48 + (u - 8) / 2.
        const int Width = 100, Height = 60;
        var pixels = new byte[Width * Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i % Width);
        }

        var face = new float[136];
        (face[96], face[97], face[108], face[109]) = (40.25f, 30, 48.25f, 30);

        var crop = LipFeatures.MouthCrop(pixels, Width, Height, Landmarks(face));

        for (var u = 0; u < 32; u++)
        {
            Assert.Equal((40.25 + ((u - 8) / 2.0)) / 255, crop[(10 * 32) + u], 5);
        }
    }

    [Fact]
    public void Extract_NotSixtyEightPoints_Throws()
    {
        Assert.Throws<ArgumentException>(() => LipFeatures.AlignMouthPoints(new FaceLandmarks(new FaceBox(0, 0, 9, 9), new float[10])));
    }

    [Fact]
    public void FromVideo_MovingFace_OneTrackWithEveryFrame_AndAlignedPointsThatIgnoreTheMotion()
    {
        var video = LandmarkFrames.SlidingVideo("open", 20, 320);

        var tracks = LipFeatures.FromVideo(video, LandmarkModel.Predictor);

        var track = Assert.Single(tracks);
        Assert.Equal(Enumerable.Range(0, 20), track.Frames.Select(f => f.FrameIndex));
        Assert.Equal(video.TimestampsSeconds, track.Frames.Select(f => f.TimestampSeconds));
        Assert.All(track.Frames, f => Assert.Equal(LipFeatures.MouthPointValues, f.MouthPoints.Length));
        Assert.All(track.Frames, f => Assert.Equal(LipFeatures.DefaultCropSize * LipFeatures.DefaultCropSize, f.MouthCrop.Length));
        // The same mouth moving one pixel per frame: aligned points stay within 2 % of the eye distance.
        for (var i = 0; i < LipFeatures.MouthPointValues; i++)
        {
            var values = track.Frames.Select(f => f.MouthPoints[i]).ToArray();
            Assert.True(values.Max() - values.Min() < 0.02, $"mouth value {i} spans {values.Max() - values.Min():F3}");
        }
    }

    private static FaceLandmarks Landmarks(float[] points) => new(new FaceBox(0, 0, 99, 99), points);

    private static float[] Apply(Similarity transform, float[] points)
    {
        var moved = new float[points.Length];
        for (var i = 0; i < points.Length; i += 2)
        {
            var (x, y) = transform.Apply(points[i], points[i + 1]);
            moved[i] = (float)x;
            moved[i + 1] = (float)y;
        }

        return moved;
    }
}
