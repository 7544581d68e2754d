namespace Avts.Tests.Cli;

public sealed class FixCommandTests
{
    [Fact]
    public async Task Manual_delay_retimes_and_exits_0_without_analysis()
    {
        var cli = new CliHarness();
        Assert.Equal(0, await cli.RunAsync("fix", "in.mp4", "out.mp4", "--audio-delay-ms", "-120"));
        Assert.Equal(("in.mp4", "out.mp4", -120.0), Assert.Single(cli.Retimed));
        Assert.Empty(cli.Decoded);
        Assert.Contains("moved 120.0 ms later", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_delay_with_verify_rechecks_the_output()
    {
        var cli = new CliHarness(input => FakeEstimator.Result(input == "out.mp4" ? 100 : 0));
        Assert.Equal(3, await cli.RunAsync("fix", "in.mp4", "out.mp4", "--audio-delay-ms", "80", "--verify"));
        Assert.Equal("out.mp4", Assert.Single(cli.Decoded).Input);
    }

    [Fact]
    public async Task Auto_measures_fixes_and_rechecks()
    {
        var cli = new CliHarness(input => FakeEstimator.Result(input == "in.mp4" ? 120.04 : 1.2));
        Assert.Equal(0, await cli.RunAsync("fix", "in.mp4", "out.mp4", "--auto"));
        Assert.Equal(("in.mp4", "out.mp4", 120.0), Assert.Single(cli.Retimed));
        Assert.Equal(["in.mp4", "out.mp4"], cli.Decoded.Select(d => d.Input));
        Assert.Contains("before   +120.0 ms", cli.Out, StringComparison.Ordinal);
        Assert.Contains("moved 120.0 ms earlier", cli.Out, StringComparison.Ordinal);
        Assert.Contains("after    +1.2 ms", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_exits_3_when_the_output_still_fails()
    {
        var cli = new CliHarness(input => FakeEstimator.Result(input == "in.mp4" ? 300 : 90));
        Assert.Equal(3, await cli.RunAsync("fix", "in.mp4", "out.mp4", "--auto", "--profile", "atsc-is191"));
    }

    [Fact]
    public async Task Auto_refuses_with_4_when_undetermined_and_writes_nothing()
    {
        var cli = new CliHarness(_ => FakeEstimator.Result(null, confidence: 0));
        Assert.Equal(4, await cli.RunAsync("fix", "in.mp4", "out.mp4", "--auto"));
        Assert.Empty(cli.Retimed);
        Assert.Contains("nothing to sync on", cli.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in.mp4")]
    [InlineData("./in.mp4")]
    public async Task Refuses_to_overwrite_the_input(string output)
    {
        var cli = new CliHarness();
        Assert.Equal(1, await cli.RunAsync("fix", "in.mp4", output, "--audio-delay-ms", "40"));
        Assert.Empty(cli.Retimed);
        Assert.Contains("refusing to overwrite the input", cli.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fix", "in.mp4", "out.mp4")]
    [InlineData("fix", "in.mp4", "out.mp4", "--auto", "--audio-delay-ms", "40")]
    [InlineData("fix", "in.mp4", "--auto")]
    [InlineData("fix", "in.mp4", "out.mp4", "--audio-delay-ms", "forty")]
    [InlineData("fix", "in.mp4", "out.mp4", "--audio-delay-ms", "NaN")]
    public async Task Usage_errors_are_exit_2(params string[] args)
    {
        var cli = new CliHarness();
        Assert.Equal(2, await cli.RunAsync(args));
        Assert.Empty(cli.Retimed);
    }
}
