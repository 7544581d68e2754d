using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Tests.Engine.Model;

public sealed class AvtsInputsTests
{
    private static readonly AvtsModelOptions Options = AvtsModelOptions.Tiny;

    [Fact]
    public void VideoClip_30FpsSource_EachModelFrameShowsTheFrameOnScreenAtItsTime()
    {
        // Frame i is a flat grey of value i; 30 fps starting at 0.2 s.
        const int Frames = 60;
        var pixels = new byte[Frames * 8 * 6];
        for (var i = 0; i < Frames; i++)
        {
            pixels.AsSpan(i * 48, 48).Fill((byte)i);
        }

        var video = new VideoTrack(8, 6, pixels, [.. Enumerable.Range(0, Frames).Select(i => 0.2 + (i / 30.0))]);

        var clip = AvtsInputs.VideoClip(video, 0.5, Options)!;

        var plane = Options.InputSize * Options.InputSize;
        for (var k = 0; k < Options.ClipFrames; k++)
        {
            var expected = (int)Math.Floor(((0.5 + (k / 25.0)) - 0.2) * 30 + 1e-9);
            var value = (clip[k * plane] * Options.PixelStd) + Options.PixelMean;
            Assert.Equal(expected / 255.0, value, 4);
        }
    }

    [Fact]
    public void VideoClip_BeyondTheTrack_IsNull()
    {
        var video = new VideoTrack(4, 4, new byte[16 * 10], [.. Enumerable.Range(0, 10).Select(i => i / 25.0)]);
        Assert.Null(AvtsInputs.VideoClip(video, 0.0, Options));
        Assert.Null(AvtsInputs.VideoClip(video, -0.1, Options with { ClipFrames = 5, TemporalSegments = 5 }));
    }

    [Fact]
    public void AudioWindow_StartsOneContextBeforeTheClipAndHasTheModelsLength()
    {
        var samples = Enumerable.Range(0, 16000 * 4).Select(i => (float)i).ToArray();
        var audio = new AudioTrack(samples, 16000, 0.5);

        var window = AvtsInputs.AudioWindow(audio, clipStartSeconds: 1.5, audioShiftSeconds: 0.25, Options)!;

        Assert.Equal(Options.AudioWindowSamples, window.Length);
        var expectedFirst = ((1.5 + 0.25 - AvtsInputs.ContextSeconds(Options)) - 0.5) * 16000;
        Assert.Equal(expectedFirst, window[0], 3);
        Assert.Null(AvtsInputs.AudioWindow(audio, 0.5, 0, Options));
    }
}
