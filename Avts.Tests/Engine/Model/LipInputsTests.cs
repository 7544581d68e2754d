using Avts.Engine.Model;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;

namespace Avts.Tests.Engine.Model;

public sealed class LipInputsTests
{
    private static readonly AvtsModelOptions Shape = AvtsModelOptions.Lips;
    private static readonly AvtsModelOptions WithCrop = AvtsModelOptions.Lips with { LipCropSize = 16 };

    /// <summary>A face whose mouth opens (point 66, the inner lower lip, moves down) as sin of the frame time; 25 fps.</summary>
    internal static LipTrack Opening(int frames, double start = 0, int cropSize = 0, Func<int, bool>? present = null)
    {
        var list = new List<LipFrame>();
        for (var i = 0; i < frames; i++)
        {
            if (present is not null && !present(i))
            {
                continue;
            }

            var points = new float[LipClipLayout.ShapeValues];
            for (var p = 0; p < 20; p++)
            {
                points[2 * p] = (p - 10) * 0.05f;
                points[(2 * p) + 1] = 1.2f;
            }

            points[(2 * 18) + 1] += 0.1f * (float)Math.Sin(i * 0.5);
            var crop = Enumerable.Repeat(0.75f, cropSize * cropSize).ToArray();
            list.Add(new LipFrame(i, start + (i / 25.0), points, crop, cropSize, 120, new FaceBox(10, 20, 129, 139)));
        }

        return new LipTrack(1, list);
    }

    [Fact]
    public void Clip_IsValueMajor_CentredOnTheClipMean_AndScaled()
    {
        var clip = LipInputs.Clip(Opening(50), 0.4, Shape);

        Assert.NotNull(clip);
        Assert.Equal(LipClipLayout.ShapeValues * 25, clip.Length);

        // Still points are centred to zero; the moving one keeps its motion, scaled.
        Assert.All(clip.AsSpan(0, 25).ToArray(), v => Assert.Equal(0, v, 5));
        var moving = clip.AsSpan(((2 * 18) + 1) * 25, 25).ToArray();
        Assert.Equal(0, moving.Average(), 4);
        var expected = Enumerable.Range(10, 25).Select(i => 0.1 * Math.Sin(i * 0.5)).ToArray();
        var mean = expected.Average();
        for (var k = 0; k < 25; k++)
        {
            Assert.Equal((expected[k] - mean) * LipInputs.ShapeScale, moving[k], 3);
        }
    }

    [Fact]
    public void Clip_FewFramesWithoutAFace_HoldsTheNearest_TooManyGivesNull()
    {
        var gappy = Opening(50, present: i => i is < 18 or > 20);
        var clip = LipInputs.Clip(gappy, 0.4, Shape);
        Assert.NotNull(clip);

        var lost = Opening(50, present: i => i is < 15 or > 30);
        Assert.Null(LipInputs.Clip(lost, 0.4, Shape));
    }

    [Fact]
    public void Clip_BeforeTheFaceAppears_IsNull()
    {
        Assert.Null(LipInputs.Clip(Opening(50, start: 2.0), 0.5, Shape));
    }

    [Fact]
    public void Clip_WithCrop_AppendsTheNormalisedCropPerFrame()
    {
        var clip = LipInputs.Clip(Opening(40, cropSize: 16), 0, WithCrop);

        Assert.NotNull(clip);
        Assert.Equal((LipClipLayout.ShapeValues + 256) * 25, clip.Length);
        var crop = clip.AsSpan(LipClipLayout.ShapeValues * 25).ToArray();
        Assert.All(crop, v => Assert.Equal((0.75f - WithCrop.PixelMean) / WithCrop.PixelStd, v, 5));
    }

    [Fact]
    public void Clip_CropOfAnotherSize_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => LipInputs.Clip(Opening(40, cropSize: 32), 0, WithCrop));
    }
}
