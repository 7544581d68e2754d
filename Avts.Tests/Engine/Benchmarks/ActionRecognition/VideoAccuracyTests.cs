using Avts.Engine.Model;
using Avts.Engine.Benchmarks.ActionRecognition;

namespace Avts.Tests.Engine.Benchmarks.ActionRecognition;

/// <summary>Clip vs video accuracy aggregation, clip starts and clip packing.</summary>
public sealed class VideoAccuracyTests
{
    [Fact]
    public void Compute_HandExample_ClipAndVideoAccuracyDiffer()
    {
        // Video A (label 0): clips say 0, 1, 0 -> 2 of 3 clips right; mean (0.6, 0.4) -> right.
        // Video B (label 1): clips say 0 (0.55), 1 (0.9) -> 1 of 2 right; mean (0.325, 0.675) -> right.
        // Video C (label 1): clips say 0 (0.9), 1 (0.6) -> 1 of 2 right; mean (0.65, 0.35) -> wrong.
        var videos = new List<(int, float[][])>
        {
            (0, [[0.7f, 0.3f], [0.4f, 0.6f], [0.7f, 0.3f]]),
            (1, [[0.55f, 0.45f], [0.1f, 0.9f]]),
            (1, [[0.9f, 0.1f], [0.4f, 0.6f]]),
        };

        var (clip, video) = VideoAccuracy.Compute(videos);

        Assert.Equal(4.0 / 7, clip, 12);
        Assert.Equal(2.0 / 3, video, 12);
    }

    [Fact]
    public void Compute_NoVideos_IsNaN()
    {
        var (clip, video) = VideoAccuracy.Compute([]);

        Assert.True(double.IsNaN(clip) && double.IsNaN(video));
    }

    [Fact]
    public void ClipStarts_EvenSpansTheRange_RandomStaysInsideAndRepeatsWithTheSeed()
    {
        Assert.Equal([1.0, 1.5, 2.0, 2.5, 3.0], ClipStarts.Even(1, 3, 5));
        Assert.Equal([2.0], ClipStarts.Even(1, 3, 1));

        var drawn = ClipStarts.Random(new Random(3), 0.5, 4.5, 8);
        Assert.All(drawn, s => Assert.InRange(s, 0.5, 4.5));
        Assert.Equal(drawn, ClipStarts.Random(new Random(3), 0.5, 4.5, 8));
    }

    [Fact]
    public void ClipCodec_PackThenUnpack_GivesTheNormalisedValuesBack()
    {
        var options = AvtsModelOptions.Tiny;
        var values = Enumerable.Range(0, 256).Select(p => (p / (255f * options.PixelStd)) - (options.PixelMean / options.PixelStd)).ToArray();

        var packed = ClipCodec.Pack(values, options);
        var back = new float[values.Length];
        ClipCodec.Unpack(packed, options, back);

        Assert.Equal(Enumerable.Range(0, 256).Select(p => (byte)p), packed);
        Assert.All(values.Zip(back), pair => Assert.InRange(Math.Abs(pair.First - pair.Second), 0, 1e-5));
    }
}
