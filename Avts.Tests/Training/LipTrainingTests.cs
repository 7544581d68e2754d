using Avts.Engine.Model;
using Avts.Tests.Engine.Model;
using Avts.Training.Training;

namespace Avts.Tests.Training;

/// <summary>The lips model's training inputs: identity augmentation, the lip-track cache, where clips may be drawn.</summary>
public sealed class LipTrainingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-lip-training-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Augmentation_SameSeedSameClip_KeepsTheMotionsTiming_AndChangesTheShape()
    {
        var clip = LipInputs.Clip(LipInputsTests.Opening(50), 0.4, AvtsModelOptions.Lips)!;
        var a = (float[])clip.Clone();
        var b = (float[])clip.Clone();

        LipAugmentation.Apply(a, AvtsModelOptions.Lips, new Random(3));
        LipAugmentation.Apply(b, AvtsModelOptions.Lips, new Random(3));

        Assert.Equal(a, b);
        Assert.NotEqual(clip, a);

        // The opening (y of point 18) still follows the same curve in time: stretch, tilt and noise only.
        var original = clip.AsSpan(((2 * 18) + 1) * 25, 25).ToArray();
        var augmented = a.AsSpan(((2 * 18) + 1) * 25, 25).ToArray();
        Assert.True(Correlation(original, augmented) > 0.9, $"correlation {Correlation(original, augmented)}");
    }

    [Fact]
    public void Augmentation_WithCrop_ChangesBrightnessNotTiming()
    {
        var options = AvtsModelOptions.Lips with { LipCropSize = 16 };
        var clip = LipInputs.Clip(LipInputsTests.Opening(40, cropSize: 16), 0, options)!;
        var augmented = (float[])clip.Clone();

        LipAugmentation.Apply(augmented, options, new Random(4));

        var before = clip.AsSpan(LipClipLayout.ShapeValues * 25).ToArray();
        var after = augmented.AsSpan(LipClipLayout.ShapeValues * 25).ToArray();
        Assert.NotEqual(before, after);
        Assert.Single(after.Distinct());
    }

    [Fact]
    public void LipTrackFile_RoundTrips_AndIsStaleOnceTheSourceChanges()
    {
        Directory.CreateDirectory(folder);
        var source = Path.Combine(folder, "clip.mp4");
        File.WriteAllBytes(source, [1, 2, 3]);
        var track = LipInputsTests.Opening(30, cropSize: 16);
        var path = LipTrackFile.PathFor(Path.Combine(folder, "cache"), source, 16);

        LipTrackFile.Write(path, source, new LipTrackFile.Content([0, 0.04, 0.08], track, 480));
        var read = LipTrackFile.Read(path, source);

        Assert.NotNull(read);
        Assert.Equal([0, 0.04, 0.08], read.FrameTimes);
        Assert.Equal(480, read.DecodeWidth);
        Assert.Equal(track.Frames.Count, read.Track!.Frames.Count);
        Assert.Equal(track.Frames[7].MouthPoints, read.Track.Frames[7].MouthPoints);
        Assert.Equal(track.Frames[7].MouthCrop, read.Track.Frames[7].MouthCrop);
        Assert.Equal(track.Frames[7].Face, read.Track.Frames[7].Face);

        File.WriteAllBytes(source, [1, 2, 3, 4]);
        Assert.Null(LipTrackFile.Read(path, source));
    }

    [Fact]
    public void FacedRange_KeepsClipsInsideTheLongestStretchTheFaceIsFollowed()
    {
        // Face followed 0-0.96 s, lost 1.0-1.96 s, followed again 2.0-4.96 s.
        var track = LipInputsTests.Opening(125, present: i => i is < 25 or >= 50);
        var range = new SamplingRange(0, 4, 0, 4);

        var faced = LipVideos.FacedRange(range, track, AvtsModelOptions.Lips);

        Assert.Equal(2.0, faced.ClipMin, 6);
        Assert.Equal(4.0, faced.ClipMax, 6);
    }

    private static double Correlation(float[] x, float[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
