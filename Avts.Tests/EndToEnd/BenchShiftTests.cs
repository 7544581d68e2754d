using System.Text.Json;
using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary><c>avts bench shift</c> end to end on a generated folder: real copies, real checks, both error kinds.</summary>
public sealed class BenchShiftTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    [Fact]
    public async Task BenchShift_FlashBeepFolder_FollowsEveryShiftAndSkipsBadFilesWithAReason()
    {
        var data = Directory.CreateDirectory(Path.Combine(media.Directory, "data")).FullName;
        int[] flashes = [40, 77, 101, 149, 180, 222];
        var clip = SyntheticClip.Default with
        {
            DurationSeconds = 11,
            FlashFrames = flashes,
            BeepsSeconds = [.. flashes.Select(n => (n / 25.0) + 0.030)],
        };
        File.Move(await media.CreateAsync(clip, "late30"), Path.Combine(data, "late30.mkv"));
        File.Move(media.CreateRandomBytes("broken.mp4", 5000), Path.Combine(data, "broken.mp4"));
        File.Move(await media.CreateAsync(SyntheticClip.Default with { HasAudio = false }, "mute"), Path.Combine(data, "mute.mkv"));

        var cli = await RealCli.RunAsync("bench", "shift", "--data", data, "--shifts", "120,400", "--format", "json");

        Assert.True(cli.ExitCode == 0, cli.Err);
        var result = JsonDocument.Parse(cli.Out).RootElement;
        var cases = result.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(5, cases.Count); // 0, +120, -120, +400, -400
        foreach (var c in cases)
        {
            Assert.InRange(c.GetProperty("relative_error_ms").GetDouble(), -5, 5);
            Assert.InRange(c.GetProperty("absolute_error_ms").GetDouble(), 30 - 5, 30 + 5);
        }

        var summary = Assert.Single(result.GetProperty("summaries").EnumerateArray());
        Assert.Equal(1.0, summary.GetProperty("share_relative_within40_ms").GetDouble());
        var skipped = result.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains(skipped, s => s.StartsWith("broken.mp4: ", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.StartsWith("mute.mkv: no audio stream", StringComparison.Ordinal));
    }
}
