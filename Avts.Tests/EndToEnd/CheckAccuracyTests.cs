using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// <c>avts check</c> end to end on generated clips with exactly known audio delays: real ffmpeg encode, real
/// timestamp-true decode, the onset estimator, the JSON report. One-frame white flashes at irregular times over a
/// moving test pattern, a 1 kHz beep starting exactly DELAY ms after each flash.
/// </summary>
public sealed class CheckAccuracyTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    private const double ToleranceMs = 5;
    private static readonly int[] FlashFrames = [30, 62, 101, 129, 170, 196, 233, 262];

    [Theory]
    [InlineData(-700)]
    [InlineData(-240)]
    [InlineData(-80)]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(120)]
    [InlineData(500)]
    public async Task Check_FlashBeepMp4Aac25Fps_ReportsDelayWithin5Ms(int delayMs)
    {
        var clip = FlashBeep("25", 25.0, delayMs) with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac, AudioSampleRate = 48000 };
        var path = await media.CreateAsync(clip, $"fb25-{delayMs}");

        var cli = await RealCli.RunAsync("check", path, "--format", "json");

        Assert.True(cli.DelayMs is not null, cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, delayMs - ToleranceMs, delayMs + ToleranceMs);
        Assert.Equal(delayMs is >= -40 and <= 60 ? 0 : 3, cli.ExitCode);
        Assert.True(cli.Json.GetProperty("confidence").GetDouble() > 0.5);
    }

    [Theory]
    [InlineData(-80, 0.0, 0.033)]
    [InlineData(120, 0.021, 0.0)]
    [InlineData(37, 0.5, 0.1)]
    public async Task Check_FlashBeepNtscWithStreamStartOffsets_ReportsDelayWithin5Ms(int delayMs, double audioStart, double videoStart)
    {
        var fps = 30000.0 / 1001;
        var clip = FlashBeep("30000/1001", fps, delayMs, audioStart, videoStart);
        var path = await media.CreateAsync(clip, $"fb2997-{delayMs}");

        var cli = await RealCli.RunAsync("check", path, "--format", "json");

        Assert.True(cli.DelayMs is not null, cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, delayMs - ToleranceMs, delayMs + ToleranceMs);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(96000)]
    public async Task Check_UnusualSampleRates_StillMeasures(int sampleRate)
    {
        var path = await media.CreateAsync(FlashBeep("25", 25.0, 120) with { AudioSampleRate = sampleRate }, $"rate{sampleRate}");

        var cli = await RealCli.RunAsync("check", path, "--format", "json");

        Assert.True(cli.DelayMs is not null, cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, 120 - ToleranceMs, 120 + ToleranceMs);
    }

    [Fact]
    public async Task Check_OddFrameSize_StillMeasures()
    {
        var path = await media.CreateAsync(FlashBeep("25", 25.0, -80) with { Width = 321, Height = 241 }, "odd");

        var cli = await RealCli.RunAsync("check", path, "--format", "json");

        Assert.True(cli.DelayMs is not null, cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, -80 - ToleranceMs, -80 + ToleranceMs);
    }

    /// <summary>A 12 s clip: flashes at <see cref="FlashFrames"/>, beeps DELAY ms after each, on the container timeline.</summary>
    private static SyntheticClip FlashBeep(string frameRate, double fps, int delayMs, double audioStart = 0, double videoStart = 0) =>
        SyntheticClip.Default with
        {
            DurationSeconds = 12,
            FrameRate = frameRate,
            AudioStartSeconds = audioStart,
            VideoStartSeconds = videoStart,
            FlashFrames = FlashFrames,
            // Beep times are on the audio's own clock: container time minus the audio start.
            BeepsSeconds = [.. FlashFrames.Select(n => videoStart + (n / fps) + (delayMs / 1000.0) - audioStart)],
        };
}
