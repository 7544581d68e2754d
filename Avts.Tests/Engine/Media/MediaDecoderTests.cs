using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Media;

/// <summary>MediaDecoder: exact frame and sample timestamps on synthetic clips whose flash and beep times are known.</summary>
public sealed class MediaDecoderTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    private const double Ms = 0.001;

    private static Task<DecodedMedia> Decode(string path, DecodeOptions? options = null) =>
        MediaDecoder.DecodeAsync(path, options ?? new DecodeOptions(), CancellationToken.None);

    [Fact]
    public async Task Video25Fps_EveryFrameAtItsPts()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { HasAudio = false });

        var video = (await Decode(path)).Video!;

        Assert.Equal((320, 240, 50), (video.Width, video.Height, video.FrameCount));
        for (var i = 0; i < video.FrameCount; i++)
        {
            Assert.Equal(i * 0.04, video.TimestampsSeconds[i], 1e-9);
        }
    }

    [Fact]
    public async Task VideoNtscRate_EveryFrameAtItsPts()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with
        {
            FrameRate = "30000/1001", HasAudio = false, Container = SyntheticContainer.Mp4,
        });

        var video = (await Decode(path)).Video!;

        Assert.Equal(60, video.FrameCount);
        for (var i = 0; i < video.FrameCount; i++)
        {
            Assert.Equal(i * 1001 / 30000.0, video.TimestampsSeconds[i], 1e-6);
        }
    }

    [Fact]
    public async Task VideoStartOffset_FirstFrameAtOffset()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { VideoStartSeconds = 0.533 });

        var decoded = await Decode(path);

        Assert.Equal(0.533, decoded.Video!.StartSeconds, Ms);
        Assert.Equal(0, decoded.Audio!.StartSeconds, Ms);
    }

    [Theory]
    [InlineData(SyntheticAudioCodec.Pcm, 16000, 1.0)]
    [InlineData(SyntheticAudioCodec.Flac, 48000, 1.0)]
    [InlineData(SyntheticAudioCodec.Pcm, 8000, 1.0)]
    [InlineData(SyntheticAudioCodec.Pcm, 96000, 1.0)]
    // Opus: ffmpeg's Matroska muxing stores the 6.5 ms pre-skip with millisecond timestamps and shifts the video
    // by 7 ms, so the clip itself is only in sync to a few ms; the bound is that of the file, not of the decoder.
    [InlineData(SyntheticAudioCodec.Opus, 48000, 8.0)]
    public async Task FlashAndBeep_Matroska_AtEncodedTimes(SyntheticAudioCodec codec, int rate, double toleranceMs)
    {
        // Video starts 0.2 s after the audio; flash frame 12 is at 0.2 + 0.48, the beep at 0.68 of the audio.
        var path = await media.CreateAsync(SyntheticClip.Default with
        {
            AudioCodec = codec, AudioSampleRate = rate, VideoStartSeconds = 0.2, FlashFrame = 12, BeepSeconds = 0.68,
            AudioChannels = 2, BlackVideo = true,
        });

        var decoded = await Decode(path);

        // Opus pre-skip makes the muxer shift the whole file by a few ms (avoid_negative_ts); the sync must stay.
        var shift = codec == SyntheticAudioCodec.Opus ? 0.007 : 0;
        var flash = MediaSignals.FlashSeconds(decoded.Video!);
        Assert.Equal(0.68 + shift, flash, Ms);
        Assert.Equal(flash, MediaSignals.BeepSeconds(decoded.Audio!), toleranceMs * Ms);
        Assert.Equal(16000, decoded.Audio!.SampleRate);
        Assert.Equal(0, decoded.Audio.PrimingCorrectionSeconds);
    }

    [Theory]
    [InlineData(true, false, 44100)]
    [InlineData(false, false, 16000)]
    [InlineData(false, true, 44100)]
    [InlineData(false, true, 16000)]
    public async Task FlashAndBeep_AacInMp4_AgreeAfterPrimingCorrection(bool editList, bool remuxed, int rate)
    {
        var path = await media.CreateAsync(SyntheticClip.Default with
        {
            Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac, Mp4EditList = editList,
            RemuxUntrimmedAudio = remuxed, AudioSampleRate = rate, FlashFrame = 20, BeepSeconds = 0.8, BlackVideo = true,
        });

        var decoded = await Decode(path);

        var flash = MediaSignals.FlashSeconds(decoded.Video!);
        var beep = MediaSignals.BeepSeconds(decoded.Audio!);
        Assert.Equal(flash, beep, 2 * Ms);

        // Only the remuxed file has audio late against an unshifted video; ffmpeg's -use_editlist 0 shifts both
        // streams by the priming (video first frame stretched), which is in sync already and must be left alone.
        Assert.Equal(remuxed ? 1024.0 / rate : 0, decoded.Audio!.PrimingCorrectionSeconds, 1e-9);
        Assert.Equal(editList || remuxed ? 0.8 : 0.8 + (1024.0 / rate), flash, Ms);
    }

    [Fact]
    public async Task Rotation90_SwapsOutputAspect()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with
        {
            Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac, RotationDegrees = 90,
        });

        var video = (await Decode(path, new DecodeOptions { VideoWidth = 90 })).Video!;

        Assert.Equal((90, 120, 50), (video.Width, video.Height, video.FrameCount));
    }

    [Fact]
    public async Task OddSourceSize_Decodes()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { Width = 321, Height = 241 });

        var video = (await Decode(path, new DecodeOptions { VideoWidth = 160 })).Video!;

        Assert.Equal((160, 120, 50), (video.Width, video.Height, video.FrameCount));
    }

    [Fact]
    public async Task Span_StartAndDuration_CutBothStreamsOnTheContainerTimeline()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 3, VideoStartSeconds = 0.1 });

        var decoded = await Decode(path, new DecodeOptions { StartSeconds = 1.0, DurationSeconds = 1.0 });

        var video = decoded.Video!;
        Assert.Equal(1.02, video.StartSeconds, 1e-6); // 0.1 + 23 * 0.04: the first frame at or after 1.0
        Assert.Equal(25, video.FrameCount);
        Assert.Equal(1.0, decoded.Audio!.StartSeconds, 1e-9);
        Assert.Equal(2.0, decoded.Audio.EndSeconds, Ms);
    }

    [Fact]
    public async Task MissingStreams_GiveNullTracks_AndSkippedStreamsStayNull()
    {
        var noAudio = await Decode(await media.CreateAsync(SyntheticClip.Default with { HasAudio = false }));
        var noVideo = await Decode(await media.CreateAsync(SyntheticClip.Default with { HasVideo = false, SilentAudio = true }));
        var skipped = await Decode(
            await media.CreateAsync(SyntheticClip.Default),
            new DecodeOptions { IncludeVideo = false });

        Assert.Null(noAudio.Audio);
        Assert.NotNull(noAudio.Video);
        Assert.Null(noVideo.Video);
        Assert.Equal(32000, noVideo.Audio!.Samples.Length);
        Assert.All(noVideo.Audio.Samples, s => Assert.Equal(0f, s));
        Assert.Null(skipped.Video);
        Assert.NotNull(skipped.Audio);
    }

    [Fact]
    public async Task BadInput_ThrowsOneLineMediaInputException()
    {
        var random = media.CreateRandomBytes("noise.mkv", 4096);

        var ex = await Assert.ThrowsAsync<MediaInputException>(() => Decode(random));

        Assert.StartsWith(random + " is not a readable media file (ffprobe: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task Cancel_KillsFfmpeg_AndSixtySecondClipDecodesFast()
    {
        var path = await media.CreateAsync(
            SyntheticClip.Default with { DurationSeconds = 60, Width = 640, Height = 360, AudioCodec = SyntheticAudioCodec.Aac, Container = SyntheticContainer.Mp4 },
            "sixty");

        var stopwatch = Stopwatch.StartNew();
        var decoded = await Decode(path);
        stopwatch.Stop();
        Assert.Equal(1500, decoded.Video!.FrameCount);
        Assert.Equal(60, decoded.Audio!.EndSeconds, 0.05);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"60 s clip took {stopwatch.Elapsed.TotalSeconds:0.00} s");

        using var cts = new CancellationTokenSource();
        var decode = MediaDecoder.DecodeAsync(path, new DecodeOptions { VideoWidth = 640 }, cts.Token);
        var deadline = Stopwatch.StartNew();
        while (FfmpegChildrenReading(path).Count == 0 && !decode.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5);
        }

        Assert.False(decode.IsCompleted, "decode finished before it could be cancelled");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => decode);
        Assert.Empty(FfmpegChildrenReading(path));
    }

    /// <summary>Child processes of this test host whose command line names <paramref name="path"/>.</summary>
    private static List<int> FfmpegChildrenReading(string path)
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (fields[1] == self && fields[0] != "Z" && cmdline.Contains(path, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return found;
    }
}
