using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

public sealed class LiveInputTests
{
    [Theory]
    [InlineData("udp://127.0.0.1:5000", true, true)]
    [InlineData("udp://@:5000?fifo_size=100000", true, true)]
    [InlineData("rtp://127.0.0.1:5004", true, true)]
    [InlineData("srt://0.0.0.0:9000?mode=listener&latency=200000", true, false)]
    [InlineData("SRT://0.0.0.0:9000?MODE=Listener", true, false)]
    [InlineData("rtmp://127.0.0.1:1935/live/cam?listen=1", true, false)]
    [InlineData("srt://server:9000", false, false)]
    [InlineData("srt://server:9000?mode=caller", false, false)]
    [InlineData("rtmp://server/live/cam", false, false)]
    [InlineData("rtmp://server/live/cam?listen=0", false, false)]
    [InlineData("rtsp://cam/stream", false, false)]
    [InlineData("/media/udp.mp4", false, false)]
    [InlineData("pulse:default", false, false)]
    public void IsListener_ListeningAndConnectionlessInputs(string location, bool listener, bool connectionless)
    {
        var input = new LiveInput(location);

        Assert.Equal((listener, connectionless), (input.IsListener, input.IsConnectionless));
    }

    [Fact]
    public void RtmpListener_ListenIsAnOptionNotPartOfTheUrl()
    {
        var input = new LiveInput("rtmp://127.0.0.1:1935/live/cam?listen=1") { NetworkTimeout = TimeSpan.FromSeconds(2) };

        var arguments = FfmpegLiveCommand.InputArguments(input, forProbe: false);

        Assert.Equal(["-listen", "1", "-timeout", "-1"], Following(arguments, "-listen", 4));
        Assert.Equal("rtmp://127.0.0.1:1935/live/cam", arguments[^1]);
        Assert.Equal("rtmp://127.0.0.1:1935/live/cam?app=x", new LiveInput("rtmp://127.0.0.1:1935/live/cam?listen&app=x").RtmpListenerUrl);
    }

    [Fact]
    public void UdpInput_ShortAnalysis_NoReadTimeout()
    {
        var arguments = FfmpegLiveCommand.InputArguments(new LiveInput("udp://127.0.0.1:5000"), forProbe: false);

        Assert.Equal(["-probesize", "1000000", "-analyzeduration", "500000", "-threads", "1", "-skip_loop_filter", "all", "-i", "udp://127.0.0.1:5000"], arguments);
    }

    [Fact]
    public void RtspInput_KeepsFfmpegsAnalysisAndItsSocketTimeout()
    {
        var arguments = FfmpegLiveCommand.InputArguments(new LiveInput("rtsp://cam/x") { NetworkTimeout = TimeSpan.FromSeconds(1) }, forProbe: false);

        Assert.Equal(["-timeout", "1000000", "-threads", "1", "-skip_loop_filter", "all", "-i", "rtsp://cam/x"], arguments);
    }

    [Fact]
    public void SrtCaller_ShortAnalysisAndReadTimeout()
    {
        var arguments = FfmpegLiveCommand.InputArguments(new LiveInput("srt://server:9000") { NetworkTimeout = TimeSpan.FromSeconds(2) }, forProbe: true);

        Assert.Equal(["-probesize", "1000000", "-analyzeduration", "500000", "-rw_timeout", "2000000", "-i", "srt://server:9000"], arguments);
    }

    private static List<string> Following(List<string> arguments, string first, int count) =>
        arguments.Skip(arguments.IndexOf(first)).Take(count).ToList();
}
