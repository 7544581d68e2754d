using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary><c>avts fix --auto</c> end to end: measure a known delay, write the corrected copy, re-check it.</summary>
public sealed class FixEndToEndTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    [Theory]
    [InlineData(SyntheticContainer.Mp4, SyntheticAudioCodec.Aac, 160)]
    [InlineData(SyntheticContainer.Matroska, SyntheticAudioCodec.Pcm, -90)]
    public async Task FixAuto_KnownDelay_OutputPassesWithDelayNearZero(SyntheticContainer container, SyntheticAudioCodec codec, int delayMs)
    {
        int[] flashes = [20, 57, 83, 131, 162, 199];
        var clip = SyntheticClip.Default with
        {
            DurationSeconds = 9,
            Container = container,
            AudioCodec = codec,
            AudioSampleRate = 48000,
            FlashFrames = flashes,
            BeepsSeconds = [.. flashes.Select(n => (n / 25.0) + (delayMs / 1000.0))],
        };
        var input = await media.CreateAsync(clip, $"tofix{delayMs}");
        var output = Path.Combine(media.Directory, $"fixed{delayMs}" + Path.GetExtension(input));

        var fix = await RealCli.RunAsync("fix", input, output, "--auto");

        Assert.True(fix.ExitCode == 0, fix.Out + fix.Err);
        var after = await RealCli.RunAsync("check", output, "--format", "json");
        Assert.Equal(0, after.ExitCode);
        Assert.InRange(after.DelayMs!.Value, -5, 5);
    }
}
