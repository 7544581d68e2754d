using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision;
using OpenCvSharp;

namespace Avts.Tests.Engine.Model;

public sealed class FaceCropTests
{
    private static readonly AvtsModelOptions FaceOptions = AvtsModelOptions.Tiny with { VideoCrop = AvtsModelOptions.FaceCrop, InputSize = 16 };

    [Fact]
    public void VideoClip_WithRegion_CutsExactlyThatSquare()
    {
        // 40x30 frames: a 10x10 square of 200 at (25, 12), 50 elsewhere.
        const int Width = 40, Height = 30, Frames = 30;
        var pixels = new byte[Frames * Width * Height];
        Array.Fill(pixels, (byte)50);
        for (var f = 0; f < Frames; f++)
        {
            for (var y = 12; y < 22; y++)
            {
                pixels.AsSpan((f * Width * Height) + (y * Width) + 25, 10).Fill(200);
            }
        }

        var video = new VideoTrack(Width, Height, pixels, [.. Enumerable.Range(0, Frames).Select(i => i / 25.0)]);

        var inside = AvtsInputs.VideoClip(video, 0, FaceOptions, new CropRegion(25, 12, 10))!;
        var centred = AvtsInputs.VideoClip(video, 0, FaceOptions)!;

        var expected = ((200 / 255f) - FaceOptions.PixelMean) / FaceOptions.PixelStd;
        Assert.All(inside, v => Assert.Equal(expected, v, 4));
        Assert.Contains(centred, v => Math.Abs(v - expected) > 0.5);
        Assert.Throws<ArgumentException>(() => AvtsInputs.VideoClip(video, 0, FaceOptions, new CropRegion(35, 0, 10)));
    }

    [Fact]
    public void MouthSquare_SitsOnTheLowerFaceAndStaysInsideTheFrame()
    {
        var middle = MouthCrop.MouthSquare(new Rect(100, 50, 100, 100), 320, 240);
        Assert.Equal(60, middle.Side);
        Assert.Equal(150 - 30, middle.X);
        Assert.Equal(130 - 30, middle.Y);

        // A face at the bottom-right corner: moved inside, never outside the frame.
        var corner = MouthCrop.MouthSquare(new Rect(270, 190, 100, 100), 320, 240);
        Assert.True(corner.FitsIn(320, 240));
        Assert.Equal(320 - corner.Side, corner.X);
        Assert.Equal(240 - corner.Side, corner.Y);
    }

    [Fact]
    public void CropFor_CentreModelOrNoFace_GivesNullSoClipsUseTheCentredSquare()
    {
        var random = new Random(5);
        var pixels = new byte[20 * 160 * 120];
        random.NextBytes(pixels);
        var video = new VideoTrack(160, 120, pixels, [.. Enumerable.Range(0, 20).Select(i => i / 25.0)]);

        Assert.Null(AvtsInputs.CropFor(video, 0, 1, AvtsModelOptions.Tiny));
        Assert.Null(AvtsInputs.CropFor(video, 0, 1, FaceOptions));
    }

    [Fact]
    public void Options_UnknownCrop_IsRefusedInOneLine()
    {
        var ex = Assert.Throws<ArgumentException>(() => (AvtsModelOptions.Tiny with { VideoCrop = "mouth" }).Validate());
        Assert.Contains("video crop must be \"centre\" or \"face\"", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
