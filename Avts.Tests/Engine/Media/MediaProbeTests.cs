using System.Net;
using System.Net.Sockets;
using Avts.Engine.Media;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Media;

/// <summary>MediaProbe on synthetic clips and on inputs that must be refused with a one-line message.</summary>
public sealed class MediaProbeTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    [Fact]
    public async Task Probe_ReportsStreamFields()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { AudioChannels = 2, AudioSampleRate = 44100 });

        var info = await MediaProbe.ProbeAsync(path, CancellationToken.None);

        Assert.Contains("matroska", info.FormatName, StringComparison.Ordinal);
        Assert.Equal(2, info.DurationSeconds!.Value, 1);
        var video = Assert.IsType<VideoStreamInfo>(info.Video);
        Assert.Equal(("h264", 160, 120, 0, false), (video.Codec, video.Width, video.Height, video.RotationDegrees, video.IsVariableFrameRate));
        Assert.Equal(25, video.FrameRate, 3);
        Assert.Equal(0, video.StartSeconds, 6);
        var audio = Assert.IsType<AudioStreamInfo>(info.Audio);
        Assert.Equal(("pcm_s16le", 44100, 2, 0), (audio.Codec, audio.SampleRate, audio.Channels, audio.UntrimmedPrimingSamples));
    }

    [Fact]
    public async Task Probe_Rotation90_IsReportedAndSwapsDisplaySize()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac, RotationDegrees = 90 });

        var video = (await MediaProbe.ProbeAsync(path, CancellationToken.None)).Video!;

        // ffmpeg 5.1's muxer writes the tag as a display matrix whose sign convention differs between versions;
        // what matters for decoding is a quarter turn (the parser's sign handling is tested on JSON below).
        Assert.True(video.RotationDegrees is 90 or 270, $"rotation {video.RotationDegrees}");
        Assert.Equal((120.0, 160.0), (video.DisplayWidth, video.DisplayHeight));
    }

    [Theory]
    [InlineData("\"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": -90 }]", 90)]
    [InlineData("\"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": 90 }]", 270)]
    [InlineData("\"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": -180 }]", 180)]
    [InlineData("\"tags\": { \"rotate\": \"90\" }", 90)]
    [InlineData("\"tags\": { \"rotate\": \"-270\" }", 90)]
    [InlineData("\"width\": 640", 0)]
    public void Parse_Rotation_IsNormalisedClockwise(string fields, int expected)
    {
        var json = "{ \"streams\": [ { \"index\": 0, \"codec_type\": \"video\", " + fields + " } ] }";

        Assert.Equal(expected, FfprobeJson.Parse("x", json).Video!.RotationDegrees);
    }

    [Fact]
    public void Parse_MissingFieldsAndCoverArt_AreTolerated()
    {
        const string json = """
            { "streams": [
                { "index": 0, "codec_type": "video", "codec_name": "mjpeg", "disposition": { "attached_pic": 1 } },
                { "index": 1, "codec_type": "audio", "sample_rate": "N/A", "start_time": "N/A" },
                { "index": 2, "codec_type": "video", "r_frame_rate": "30/1", "avg_frame_rate": "0/0", "sample_aspect_ratio": "0:1" }
              ], "format": { } }
            """;

        var info = FfprobeJson.Parse("x", json);

        Assert.Equal((2, 30.0, false, 1.0), (info.Video!.Index, info.Video.FrameRate, info.Video.IsVariableFrameRate, info.Video.SampleAspectRatio));
        Assert.Equal((1, 0, 0.0), (info.Audio!.Index, info.Audio.SampleRate, info.Audio.StartSeconds));
        Assert.Null(info.DurationSeconds);
    }

    [Fact]
    public async Task Probe_FlagsPriming_OnlyWhenAudioIsLateAgainstVideo()
    {
        var clip = SyntheticClip.Default with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac };
        var withList = await MediaProbe.ProbeAsync(await media.CreateAsync(clip), CancellationToken.None);
        var bothShifted = await MediaProbe.ProbeAsync(await media.CreateAsync(clip with { Mp4EditList = false }), CancellationToken.None);
        var remuxed = await MediaProbe.ProbeAsync(await media.CreateAsync(clip with { RemuxUntrimmedAudio = true }), CancellationToken.None);
        var audioOnly = await MediaProbe.ProbeAsync(
            await media.CreateAsync(clip with { HasVideo = false, Mp4EditList = false }), CancellationToken.None);

        Assert.Equal(0, withList.Audio!.UntrimmedPrimingSamples);
        Assert.Equal(0, bothShifted.Audio!.UntrimmedPrimingSamples);
        Assert.Equal(1024, remuxed.Audio!.UntrimmedPrimingSamples);
        Assert.Equal(1024, audioOnly.Audio!.UntrimmedPrimingSamples);
    }

    [Fact]
    public async Task Probe_BadInputs_ThrowOneLineMessageNamingThePath()
    {
        var valid = await media.CreateAsync(SyntheticClip.Default with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac });
        string[] inputs =
        [
            Path.Combine(media.Directory, "missing.mp4"),
            media.Directory,
            media.CreateEmpty("empty.mp4"),
            media.CreateRandomBytes("random.mp4", 64 * 1024),
            media.CreateTruncatedCopy(valid, 0.5, "truncated.mp4"),
        ];

        foreach (var input in inputs)
        {
            var ex = await Assert.ThrowsAsync<MediaInputException>(() => MediaProbe.ProbeAsync(input, CancellationToken.None));
            Assert.Contains(input, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Fact]
    public async Task Probe_TruncatedMp4_SaysMoovAtomNotFound()
    {
        var valid = await media.CreateAsync(SyntheticClip.Default with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac });
        var truncated = media.CreateTruncatedCopy(valid, 0.5, "half.mp4");

        var ex = await Assert.ThrowsAsync<MediaInputException>(() => MediaProbe.ProbeAsync(truncated, CancellationToken.None));

        Assert.Equal($"{truncated} is not a readable media file (ffprobe: moov atom not found).", ex.Message);
    }

    [Fact]
    public async Task Probe_StalledUrl_FailsAfterStallTimeout()
    {
        // A server that accepts the connection and never answers: ffprobe waits forever on its own.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptTcpClientAsync();

        var ex = await Assert.ThrowsAsync<MediaInputException>(
            () => MediaProbe.ProbeAsync($"http://127.0.0.1:{port}/live.ts", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("stalled", ex.Message, StringComparison.Ordinal);
        (await accept).Dispose();
    }
}
