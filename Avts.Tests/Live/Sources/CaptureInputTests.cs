using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

public sealed class CaptureInputTests
{
    [Fact]
    public void V4l2PlusPulse_TwoInputsMappedAndCopyts()
    {
        var capture = CaptureInput.Parse("v4l2:/dev/video0+pulse:default");

        Assert.Equal(
            ["-f", "v4l2", "-thread_queue_size", "512", "-ts", "abs", "-i", "/dev/video0", "-f", "pulse", "-thread_queue_size", "1024", "-i", "default"],
            capture.Arguments);
        Assert.Equal(("0:v:0", "1:a:0", true), (capture.VideoMap, capture.AudioMap, capture.CopyTimestamps));
    }

    [Theory]
    [InlineData("pulse:virt.monitor", "pulse", "virt.monitor", null, "0:a:0")]
    [InlineData("alsa:hw:0", "alsa", "hw:0", null, "0:a:0")]
    [InlineData("v4l2:/dev/video2", "v4l2", "/dev/video2", "0:v:0", null)]
    [InlineData("dshow:video=Integrated Camera:audio=Microphone (Realtek)", "dshow", "video=Integrated Camera:audio=Microphone (Realtek)", "0:v:0", "0:a:0")]
    [InlineData("dshow:audio=Mic", "dshow", "audio=Mic", null, "0:a:0")]
    public void SingleDevice(string spec, string format, string device, string? video, string? audio)
    {
        var capture = CaptureInput.Parse(spec);

        Assert.Equal(format, capture.Arguments[1]);
        Assert.Equal(["-i", device], capture.Arguments.TakeLast(2));
        Assert.Equal((video, audio, false), (capture.VideoMap, capture.AudioMap, capture.CopyTimestamps));
        Assert.True(CaptureInput.IsCapture(spec));
        Assert.True(new LiveInput(spec) is { IsCapture: true, IsFile: false, IsFinite: false });
    }

    [Theory]
    [InlineData("pulse:a+alsa:hw:0")]
    [InlineData("v4l2:/dev/video0+v4l2:/dev/video1")]
    [InlineData("v4l2:")]
    [InlineData("pulse:a+v4l2:/dev/video0+alsa:x")]
    [InlineData("dshow:camera")]
    public void Invalid_OneLineFormatException(string spec)
    {
        var error = Assert.Throws<FormatException>(() => CaptureInput.Parse(spec));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("/media/a.mp4", true, false)]
    [InlineData("file:/media/a.mp4", true, false)]
    [InlineData("rtsp://cam/1", false, false)]
    [InlineData("srt://host:9000", false, false)]
    public void LiveInput_Kinds(string location, bool file, bool capture)
    {
        var input = new LiveInput(location);
        Assert.Equal((file, capture, file), (input.IsFile, input.IsCapture, input.IsFinite));
        Assert.False((input with { Loop = true }).IsFinite);
    }
}
