using System.Text.Json;
using Avts.Engine.Media;
using Avts.Engine.Scoring;

namespace Avts.Tests.Cli;

public sealed class CheckCommandTests
{
    [Theory]
    [InlineData(12.3, 0)] // inside ebu-r37 [-40, +60]
    [InlineData(60.0, 0)] // on the late bound
    [InlineData(60.1, 3)] // just past it
    [InlineData(-40.0, 0)] // on the early bound
    [InlineData(-41.0, 3)]
    [InlineData(250.0, 3)]
    public async Task Verdict_maps_to_exit_code(double delay, int expected)
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(delay));
        Assert.Equal(expected, await cli.RunAsync("check", "in.mp4"));
        Assert.Equal("", cli.Err);
    }

    [Fact]
    public async Task Nothing_to_sync_on_is_undetermined_exit_4()
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(null, confidence: 0));
        Assert.Equal(4, await cli.RunAsync("check", "in.mp4", "--format", "json"));
        using var json = JsonDocument.Parse(cli.Out);
        Assert.Equal("undetermined", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("audio_delay_ms").ValueKind);
        Assert.False(json.RootElement.GetProperty("synchronizable").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_is_exit_1_with_one_line_and_no_stack_trace()
    {
        var cli = new CliHarness { Decode = (_, _) => throw new MediaInputException("'x.mp4' does not exist.") };
        Assert.Equal(1, await cli.RunAsync("check", "x.mp4"));
        Assert.Equal("avts: 'x.mp4' does not exist." + Environment.NewLine, cli.Err);
        Assert.Equal("", cli.Out);
    }

    [Theory]
    [InlineData(false, true, "no video stream")]
    [InlineData(true, false, "no audio stream")]
    public async Task Missing_stream_is_exit_1(bool video, bool audio, string message)
    {
        var cli = new CliHarness { Decode = (input, _) => TestMedia.Decoded(input, video: video, audio: audio) };
        Assert.Equal(1, await cli.RunAsync("check", "in.mp4"));
        Assert.Single(cli.Err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, cli.Err, StringComparison.Ordinal);
        Assert.Empty(cli.Estimator.Calls);
    }

    [Fact]
    public async Task Unexpected_exception_is_internal_error_exit_1_trace_only_when_verbose()
    {
        var cli = new CliHarness(_ => throw new InvalidOperationException("boom"));
        Assert.Equal(1, await cli.RunAsync("check", "in.mp4"));
        Assert.Equal("avts: internal error: InvalidOperationException: boom" + Environment.NewLine, cli.Err);

        var verbose = new CliHarness(_ => throw new InvalidOperationException("boom"));
        Assert.Equal(1, await verbose.RunAsync("check", "in.mp4", "--verbose"));
        Assert.Contains(" at ", verbose.Err, StringComparison.Ordinal);

        var debug = new CliHarness(_ => throw new InvalidOperationException("boom"));
        debug.Environment["AVTS_DEBUG"] = "1";
        Assert.Equal(1, await debug.RunAsync("check", "in.mp4"));
        Assert.Contains(" at ", debug.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "in.mp4", "--bogus")]
    [InlineData("check", "in.mp4", "--format", "xml")]
    [InlineData("check", "in.mp4", "--profile", "smpte")]
    [InlineData("check", "in.mp4", "--method", "magic")]
    [InlineData("check", "in.mp4", "--window", "0")]
    [InlineData("check", "in.mp4", "--hop", "-1")]
    [InlineData("check", "in.mp4", "--range", "abc")]
    [InlineData("check", "in.mp4", "--duration", "1,5")]
    [InlineData("check", "in.mp4", "--start", "-5")]
    [InlineData("check", "in.mp4", "--tolerance=60,-40")]
    [InlineData("check", "in.mp4", "--tolerance=abc")]
    [InlineData("check", "in.mp4", "--tolerance=1,2,3")]
    [InlineData("check", "in.mp4", "--tolerance=-60,+40", "--profile", "netflix")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task Usage_errors_are_exit_2_and_run_nothing(params string[] args)
    {
        var cli = new CliHarness();
        Assert.Equal(2, await cli.RunAsync(args));
        Assert.StartsWith("avts: ", cli.Err, StringComparison.Ordinal);
        Assert.Empty(cli.Decoded);
        Assert.Equal("", cli.Out);
    }

    [Fact]
    public async Task Options_reach_the_decoder_and_the_estimator()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync(
            "check", "in.mp4", "--window", "4", "--hop", "2", "--range", "1.5", "--start", "10", "--duration", "30", "--method", "onset"));
        var (input, decode) = Assert.Single(cli.Decoded);
        Assert.Equal("in.mp4", input);
        Assert.Equal(10, decode.StartSeconds);
        Assert.Equal(30, decode.DurationSeconds);
        // The estimator searches a guard band beyond the range; the report keeps the range asked for.
        var options = Assert.Single(cli.Estimator.Calls).Options;
        Assert.Equal(new AnalysisOptions { WindowSeconds = 4, HopSeconds = 2, RangeSeconds = RangeGuard.SearchedSeconds(1.5) }, options);
    }

    [Fact]
    public async Task Defaults_are_the_analysis_defaults()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync("check", "in.mp4"));
        var defaults = new AnalysisOptions();
        Assert.Equal(defaults with { RangeSeconds = RangeGuard.SearchedSeconds(defaults.RangeSeconds) }, Assert.Single(cli.Estimator.Calls).Options);
        Assert.Null(Assert.Single(cli.Decoded).Options.StartSeconds);
    }

    [Theory]
    [InlineData("--tolerance=-60,+40", 40, 0)] // up to 40 ms late
    [InlineData("--tolerance=-60,+40", 41, 3)]
    [InlineData("--tolerance=-60,+40", -60, 0)] // up to 60 ms early
    [InlineData("--tolerance=-60,+40", -61, 3)]
    [InlineData("--tolerance=0,10", 11, 3)]
    public async Task Custom_tolerance_is_in_our_sign_convention(string option, double delay, int expected)
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(delay));
        Assert.Equal(expected, await cli.RunAsync("check", "in.mp4", option, "--format", "json"));
        using var json = JsonDocument.Parse(cli.Out);
        Assert.Equal("custom", json.RootElement.GetProperty("profile").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Tolerance_value_may_follow_as_a_separate_token()
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(-50));
        Assert.Equal(0, await cli.RunAsync("check", "in.mp4", "--tolerance", "-60,+40"));
    }

    [Theory]
    [InlineData(25, 39.9, 0)]
    [InlineData(25, 40.0, 3)] // one whole frame is not "under one frame"
    [InlineData(50, 25.0, 3)]
    [InlineData(23.976, 41.7, 0)]
    public async Task Netflix_profile_uses_the_input_frame_rate(double fps, double delay, int expected)
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(delay))
        {
            Decode = (input, _) => TestMedia.Decoded(input, fps),
        };
        Assert.Equal(expected, await cli.RunAsync("check", "in.mp4", "--profile", "netflix"));
    }

    [Fact]
    public async Task Netflix_profile_without_frame_rate_is_exit_1()
    {
        var cli = new CliHarness { Decode = (input, _) => TestMedia.Decoded(input, fps: 0) };
        Assert.Equal(1, await cli.RunAsync("check", "in.mp4", "--profile", "netflix"));
        Assert.Contains("frame rate", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_report_goes_to_stdout_with_sign_and_verdict()
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(123.44));
        Assert.Equal(3, await cli.RunAsync("check", "in.mp4"));
        Assert.Contains("+123.4 ms (sound late", cli.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL", cli.Out, StringComparison.Ordinal);
        Assert.Contains("ebu-r37", cli.Out, StringComparison.Ordinal);
        Assert.Equal("", cli.Err);
    }

    [Fact]
    public async Task Verbose_progress_goes_to_stderr_only()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync("check", "in.mp4", "--format", "json", "-v"));
        using var json = JsonDocument.Parse(cli.Out);
        Assert.Contains("avts: decoding in.mp4", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_exit_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cli = new CliHarness();
        Assert.Equal(130, await cli.RunAsync(cancelled.Token, "check", "in.mp4"));
        Assert.Equal("avts: cancelled" + Environment.NewLine, cli.Err);
    }

    [Fact]
    public async Task Plot_option_writes_a_png()
    {
        var path = Path.Combine(Path.GetTempPath(), $"avts-cli-plot-{Guid.NewGuid():N}.png");
        try
        {
            var cli = new CliHarness(_ => FakeEstimator.Result(80));
            Assert.Equal(3, await cli.RunAsync("check", "in.mp4", "--plot", path));
            Assert.True(new FileInfo(path).Length > 1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Version_prints_and_exits_0()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync("--version"));
        Assert.StartsWith("avts ", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync("check", "--help"));
        Assert.Contains("--tolerance", cli.Out, StringComparison.Ordinal);
    }
}
