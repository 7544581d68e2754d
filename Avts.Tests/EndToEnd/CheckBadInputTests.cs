using System.Diagnostics;
using Avts.Tests.Fixtures;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// Bad input through the real CLI: a clear one-line error with exit code 1, or an undetermined verdict (exit 4) when
/// the media is fine but has nothing to sync on; never a stack trace or a leftover ffmpeg.
/// </summary>
public sealed class CheckBadInputTests(SyntheticMedia media) : IClassFixture<SyntheticMedia>
{
    [Fact]
    public async Task Check_MissingPath_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", Path.Combine(media.Directory, "nope.mp4"));
        AssertOneLineError(cli, "nope.mp4");
    }

    [Fact]
    public async Task Check_Directory_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", media.Directory);
        AssertOneLineError(cli, "directory");
    }

    [Fact]
    public async Task Check_EmptyFile_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", media.CreateEmpty("empty.mp4"));
        AssertOneLineError(cli, "empty");
    }

    [Fact]
    public async Task Check_EmptyInputArgument_OneLineUsageErrorExit2()
    {
        var cli = await RealCli.RunAsync("check", "");
        Assert.Equal(2, cli.ExitCode);
        Assert.Single(cli.Err.Trim().Split('\n'));
        Assert.Contains("INPUT is empty", cli.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NamedPipe_SaysItIsAPipe()
    {
        var fifo = Path.Combine(media.Directory, "pipe.mp4");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var cli = await RealCli.RunAsync("check", fifo);
        AssertOneLineError(cli, "named pipe");
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public async Task Check_CharacterDevice_SaysItIsADevice(string device)
    {
        var cli = await RealCli.RunAsync("check", device);
        AssertOneLineError(cli, "character device");
    }

    [Fact]
    public async Task Check_FileUrl_ReadsTheLocalFile()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 3 }, "fileurl");

        var cli = await RealCli.RunAsync("check", "file:" + path, "--format", "json");

        Assert.True(cli.ExitCode is 0 or 3 or 4, cli.Err);
        Assert.Equal("file:" + path, cli.Json.GetProperty("input").GetString());
    }

    [Fact]
    public async Task Check_RandomBytes_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", media.CreateRandomBytes("random.mp4", 100_000));
        AssertOneLineError(cli, "random.mp4");
    }

    [Fact]
    public async Task Check_TruncatedMp4_OneLineErrorExit1()
    {
        var whole = await media.CreateAsync(SyntheticClip.Default with { Container = SyntheticContainer.Mp4, AudioCodec = SyntheticAudioCodec.Aac }, "whole");
        var cli = await RealCli.RunAsync("check", media.CreateTruncatedCopy(whole, 0.5, "half.mp4"));
        AssertOneLineError(cli, "half.mp4");
    }

    [Fact]
    public async Task Check_NoAudioStream_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", await media.CreateAsync(SyntheticClip.Default with { HasAudio = false }, "noaudio"));
        AssertOneLineError(cli, "audio");
    }

    [Fact]
    public async Task Check_NoVideoStream_OneLineErrorExit1()
    {
        var cli = await RealCli.RunAsync("check", await media.CreateAsync(SyntheticClip.Default with { HasVideo = false }, "novideo"));
        AssertOneLineError(cli, "video");
    }

    [Fact]
    public async Task Check_SilentAudio_UndeterminedExit4()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 8, SilentAudio = true, FlashFrames = [40, 90, 150] }, "silent");
        var cli = await RealCli.RunAsync("check", path, "--format", "json");
        AssertUndetermined(cli);
    }

    [Fact]
    public async Task Check_BlackVideo_UndeterminedExit4()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 8, BlackVideo = true, BeepsSeconds = [1.5, 3.1, 5.7] }, "black");
        var cli = await RealCli.RunAsync("check", path, "--format", "json");
        AssertUndetermined(cli);
    }

    [Fact]
    public async Task Check_ClipShorterThanAnyWindow_UndeterminedExit4()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 0.6, FlashFrame = 5, BeepSeconds = 0.2 }, "tiny");
        var cli = await RealCli.RunAsync("check", path, "--format", "json");
        AssertUndetermined(cli);
    }

    [Fact]
    public async Task Check_ClipShorterThanTheWindow_MeasuresOverWhatThereIs()
    {
        var path = await media.CreateAsync(
            SyntheticClip.Default with { DurationSeconds = 4, FlashFrames = [20, 55, 80], BeepsSeconds = [0.92, 2.32, 3.32] }, "short");
        var cli = await RealCli.RunAsync("check", path, "--format", "json", "--window", "6");
        Assert.True(cli.DelayMs is not null, cli.Out + cli.Err);
        Assert.InRange(cli.DelayMs!.Value, 115, 125);
    }

    [Fact]
    public async Task Check_Cancelled_LeavesNoFfmpegBehind()
    {
        var path = await media.CreateAsync(SyntheticClip.Default with { DurationSeconds = 30, Width = 640, Height = 360 }, "long");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var code = await Avts.Live.Cli.AvtsCli.RunAsync(
            ["check", path], Avts.Live.Cli.CliServices.CreateDefault(TextWriter.Null, TextWriter.Null), cts.Token);
        Assert.Contains(code, new[] { 130, 0, 3, 4 });
        await Task.Delay(200);
        Assert.DoesNotContain(Process.GetProcessesByName("ffmpeg"), p => CommandLine(p.Id).Contains(path, StringComparison.Ordinal));
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static void AssertOneLineError(RealCli cli, string mention)
    {
        Assert.Equal(1, cli.ExitCode);
        Assert.Equal("", cli.Out);
        var lines = cli.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("avts: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", lines[0], StringComparison.Ordinal);
        Assert.Contains(mention, lines[0], StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertUndetermined(RealCli cli)
    {
        Assert.True(cli.ExitCode == 4, $"exit {cli.ExitCode}: {cli.Out}{cli.Err}");
        Assert.Equal("undetermined", cli.Json.GetProperty("verdict").GetString());
        Assert.False(cli.Json.GetProperty("synchronizable").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cli.Json.GetProperty("audio_delay_ms").ValueKind);
    }
}
