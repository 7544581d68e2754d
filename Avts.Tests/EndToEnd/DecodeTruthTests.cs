using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// The same streams give the same answer in every container, and no answer comes from part of an input: a flash/beep
/// clip with the sound 80 ms late remuxed to AVI (decode-order timestamps, B-frames), MKV and WebM with Opus (pre-skip),
/// MPEG-TS, a local HLS playlist and MP4; a clip whose middle cannot be decoded; a delay beyond the searched range.
/// </summary>
public sealed class DecodeTruthTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    private const int DelayMs = 80;
    private const double ToleranceMs = 3;
    private static readonly int[] FlashFrames = [30, 62, 101, 129, 170, 196, 233, 262];

    public static TheoryData<string> Containers => ["mp4", "avi", "mkv-opus", "webm-opus", "mpegts", "hls"];

    [Theory]
    [MemberData(nameof(Containers))]
    public async Task Check_SameStreamsInAnyContainer_Reads80MsWithin3(string container)
    {
        var path = await RemuxAsync(await FlashBeepMp4Async(DelayMs, "fb80"), container);

        var cli = await RealCli.RunAsync("check", path, "--format", "json");

        Assert.True(cli.DelayMs is not null, container + ": " + cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, DelayMs - ToleranceMs, DelayMs + ToleranceMs);
        Assert.True(cli.Json.GetProperty("decode").GetProperty("complete").GetBoolean(), cli.Out);
    }

    [Fact]
    public async Task Check_MiddleOfAnInSyncClipUndecodable_IsNeverPass_AndSaysWhatIsMissing()
    {
        var ts = await RemuxAsync(await FlashBeepMp4Async(0, "fb0"), "mpegts");
        var damaged = media.CreateDamagedCopy(ts, 0.3, 0.7, "damaged.ts");

        var cli = await RealCli.RunAsync("check", damaged, "--format", "json");

        Assert.Equal(4, cli.ExitCode);
        Assert.Equal("undetermined", cli.Json.GetProperty("verdict").GetString());
        var decode = cli.Json.GetProperty("decode");
        Assert.False(decode.GetProperty("complete").GetBoolean());
        Assert.True(decode.GetProperty("video_frames").GetInt64() < decode.GetProperty("video_frames_expected").GetInt64());
        Assert.Contains("decoded only", cli.Json.GetProperty("undetermined_reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("decoded only", cli.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onset")]
    [InlineData("avts")]
    public async Task Check_DelayBeyondTheRange_IsNotAConfidentNumber(string method)
    {
        var path = await FlashBeepMp4Async(1500, "fb1500");

        var cli = await RealCli.RunAsync("check", path, "--range", "1", "--method", method, "--format", "json");

        Assert.Equal(4, cli.ExitCode);
        Assert.Null(cli.DelayMs);
        Assert.All(cli.Json.GetProperty("windows").EnumerateArray(), w => Assert.True(
            w.GetProperty("audio_delay_ms").ValueKind == System.Text.Json.JsonValueKind.Null || Math.Abs(w.GetProperty("audio_delay_ms").GetDouble()) <= 1000));
    }

    private Task<string> FlashBeepMp4Async(int delayMs, string name) => media.CreateAsync(
        SyntheticClip.Default with
        {
            DurationSeconds = 12,
            Container = SyntheticContainer.Mp4,
            AudioCodec = SyntheticAudioCodec.Aac,
            AudioSampleRate = 48000,
            FlashFrames = FlashFrames,
            BeepsSeconds = [.. FlashFrames.Select(n => (n / 25.0) + (delayMs / 1000.0))],
        },
        name);

    private async Task<string> RemuxAsync(string mp4, string container)
    {
        switch (container)
        {
            case "mp4":
                return mp4;
            case "avi":
                // x264 with B-frames: AVI stores decode timestamps only, so frames come out stamped late unless corrected.
                return await media.TranscodeAsync([mp4], "clip.avi", "-c:v", "libx264", "-bf", "3", "-c:a", "pcm_s16le");
            case "mkv-opus":
                return await media.TranscodeAsync([mp4, await OpusAsync(mp4)], "clip.mkv", "-map", "0:v", "-map", "1:a", "-c", "copy");
            case "webm-opus":
                return await media.TranscodeAsync([mp4, await OpusAsync(mp4)], "clip.webm", "-map", "0:v", "-map", "1:a", "-c:v", "libvpx", "-b:v", "500k", "-c:a", "copy");
            case "mpegts":
                return await media.TranscodeAsync([mp4], "clip.ts", "-c", "copy");
            case "hls":
                return await media.TranscodeAsync([mp4], "clip.m3u8", "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_list_size", "0");
            default:
                throw new ArgumentException("unknown container " + container, nameof(container));
        }
    }

    // Opus through Ogg, then Matroska audio, then muxed (the recipe of ../shared/data/train/grid-s1-crops): muxing
    // libopus (or Opus from Ogg) straight next to a video, ffmpeg 5.1's Matroska muxer moves the video 7 ms later to
    // avoid the negative pre-skip timestamp, so such a file really is 7 ms off, as its own demuxer and players read it.
    private async Task<string> OpusAsync(string mp4)
    {
        var ogg = await media.TranscodeAsync([mp4], "audio.ogg", "-vn", "-c:a", "libopus", "-b:a", "96k");
        return await media.TranscodeAsync([ogg], "audio.mka", "-c", "copy");
    }
}
