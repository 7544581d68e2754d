using System.Text.Json;

namespace Avts.Tests.EndToEnd;

/// <summary><c>avts bench speed</c> end to end on a short generated clip (nano only, the default size: mc3-18 takes seconds per window).</summary>
public sealed class BenchSpeedTests
{
    [Fact]
    public async Task BenchSpeed_ShortClipNano_PrintsTableAndWritesJsonWithPositiveFigures()
    {
        var folder = Directory.CreateTempSubdirectory("avts-bench-speed-test-").FullName;
        try
        {
            var jsonPath = Path.Combine(folder, "speed.json");
            var cli = await RealCli.RunAsync("bench", "speed", "--duration", "4", "--repeats", "1", "--sizes", "nano,lips", "--json", jsonPath);

            Assert.True(cli.ExitCode == 0, cli.Err);
            Assert.Contains("| whole avts check in process", cli.Out, StringComparison.Ordinal);
            Assert.Contains("| nano | untrained |", cli.Out, StringComparison.Ordinal);
            Assert.Contains("matmul peak: ", cli.Out, StringComparison.Ordinal);

            var root = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath)).RootElement;
            Assert.Equal("speed", root.GetProperty("benchmark").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("machine").GetString()));
            var rows = root.GetProperty("results").EnumerateArray().ToList();
            var checks = rows.Where(r => r.GetProperty("kind").GetString() == "check").ToList();
            Assert.Equal(["ffmpeg_decode", "avts_decode", "avts_check"], checks.Select(r => r.GetProperty("step").GetString()));
            foreach (var check in checks)
            {
                Assert.InRange(check.GetProperty("media_seconds").GetDouble(), 3.9, 4.1);
                Assert.True(check.GetProperty("median_seconds").GetDouble() > 0);
                Assert.True(check.GetProperty("x_real_time").GetDouble() > 0);
            }

            var inference = rows.Where(r => r.GetProperty("kind").GetString() == "inference").ToList();
            Assert.Equal(["nano", "lips"], inference.Select(r => r.GetProperty("size").GetString()));
            foreach (var model in inference)
            {
                Assert.Equal(201, model.GetProperty("shifts").GetInt32());
                foreach (var field in new[] { "min_ms", "median_ms", "video_gmac", "audio_gmac", "gflop", "gflop_per_second", "percent_of_peak" })
                {
                    Assert.True(model.GetProperty(field).GetDouble() > 0, field);
                }
            }

            var peak = Assert.Single(rows, r => r.GetProperty("kind").GetString() == "matmul_peak");
            Assert.True(peak.GetProperty("gflop_per_second").GetDouble() > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--sizes", "tiny,huge")]
    [InlineData("--repeats", "0")]
    public async Task BenchSpeed_BadOption_IsAUsageError(string option, string value)
    {
        var cli = await RealCli.RunAsync("bench", "speed", option, value);

        Assert.Equal(2, cli.ExitCode);
        Assert.StartsWith($"avts: {option}", cli.Err, StringComparison.Ordinal);
        Assert.Equal("", cli.Out);
    }
}
