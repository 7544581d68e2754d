using System.Diagnostics;
using Avts.Engine.Editing;
using Avts.Engine.Media;

namespace Avts.Tests.Engine.Editing;

/// <summary>
/// Real ffmpeg: a 3 s clip whose audio is silence with single-sample clicks at known samples (48 kHz PCM in
/// Matroska) is re-timed, then decoded again to find where the clicks went; the video packets must be unchanged.
/// </summary>
public sealed class AudioRetimerTests : IDisposable
{
    private const int Rate = 48000;
    private static readonly int[] Clicks = [24000, 96000];
    private readonly string _dir = Directory.CreateTempSubdirectory("avts-retimer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(100.0, 4800)] // sound 100 ms late: trim 4800 samples, clicks come 4800 samples earlier
    [InlineData(-50.0, -2400)] // sound 50 ms early: pad 2400 samples of silence
    [InlineData(20.01, 960)] // rounds to whole samples
    public async Task Moves_the_audio_sample_exact_and_copies_the_video(double delayMs, long expectedShift)
    {
        var input = await MakeClipAsync("in.mkv");
        var output = Path.Combine(_dir, "out.mkv");

        var result = await AudioRetimer.RetimeAsync(input, output, delayMs, CancellationToken.None);

        Assert.Equal(expectedShift, result.ShiftSamples);
        Assert.Equal(Rate, result.SampleRate);
        Assert.Equal("pcm_s16le", result.AudioCodec);
        var clicks = FindClicks(await DecodeAudioAsync(output));
        Assert.Equal(Clicks.Select(c => c - expectedShift), clicks.Select(c => (long)c));
        Assert.Equal(await VideoPacketsMd5Async(input), await VideoPacketsMd5Async(output));
        Assert.Empty(Directory.GetFiles(_dir, "*avts-partial*"));
    }

    [Fact]
    public async Task Mp4_output_gets_aac_and_the_same_video()
    {
        var input = await MakeClipAsync("in.mkv");
        var output = Path.Combine(_dir, "out.mp4");
        var result = await AudioRetimer.RetimeAsync(input, output, 40, CancellationToken.None);
        Assert.Equal("aac", result.AudioCodec);
        Assert.Equal(await VideoPacketsMd5Async(input), await VideoPacketsMd5Async(output));
    }

    [Fact]
    public async Task Refuses_to_overwrite_the_input()
    {
        var input = await MakeClipAsync("in.mkv");
        var before = await File.ReadAllBytesAsync(input);
        await Assert.ThrowsAsync<MediaInputException>(() =>
            AudioRetimer.RetimeAsync(input, Path.Combine(_dir, ".", "in.mkv"), 40, CancellationToken.None));
        Assert.Equal(before, await File.ReadAllBytesAsync(input));
    }

    [Fact]
    public async Task Input_without_audio_is_an_input_error()
    {
        var input = Path.Combine(_dir, "silent.mkv");
        await RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-c:v", "mpeg4", input);
        var error = await Assert.ThrowsAsync<MediaInputException>(() =>
            AudioRetimer.RetimeAsync(input, Path.Combine(_dir, "out.mkv"), 40, CancellationToken.None));
        Assert.Contains("no audio stream", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4800L, "atrim=start_sample=4800,asetpts=PTS-4800/SR/TB")]
    [InlineData(-2400L, "adelay=delays=2400S:all=1")]
    [InlineData(0L, "anull")]
    public void Filter_text(long shift, string expected)
    {
        Assert.Equal(expected, AudioRetimer.Filter(shift));
    }

    [Theory]
    [InlineData("a.mp4", "aac", "aac")]
    [InlineData("a.mov", "pcm_s24le", "pcm_s24le")]
    [InlineData("a.mkv", "aac", "flac")]
    [InlineData("a.mkv", "pcm_s16le", "pcm_s16le")]
    [InlineData("a.webm", "opus", "libopus")]
    public void Codec_suits_the_container(string output, string source, string expected)
    {
        Assert.Equal(expected, AudioRetimer.AudioCodecFor(output, source).Name);
    }

    private async Task<string> MakeClipAsync(string name)
    {
        var path = Path.Combine(_dir, name);
        var clicks = string.Join('+', Clicks.Select(c => $"eq(n\\,{c})"));
        await RunAsync(
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=25:duration=3",
            "-f", "lavfi", "-i", $"aevalsrc=if({clicks}\\,0.9\\,0):s={Rate}:d=3",
            "-c:v", "mpeg4", "-c:a", "pcm_s16le", path);
        return path;
    }

    private static async Task<float[]> DecodeAudioAsync(string path)
    {
        using var buffer = new MemoryStream();
        await FfmpegProcess.RunAsync(
            "ffmpeg", ["-v", "error", "-i", path, "-map", "0:a:0", "-ac", "1", "-f", "f32le", "-"],
            (stdout, progress, ct) => stdout.CopyToAsync(buffer, ct),
            TimeSpan.FromSeconds(30),
            CancellationToken.None);
        var bytes = buffer.ToArray();
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }

    private static int[] FindClicks(float[] samples) =>
        [.. samples.Select((v, i) => (v, i)).Where(s => Math.Abs(s.v) > 0.5).Select(s => s.i)];

    private static Task<string> VideoPacketsMd5Async(string path) =>
        RunAsync("ffmpeg", "-v", "error", "-i", path, "-map", "0:v", "-c", "copy", "-f", "md5", "-");

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await stderr}");
        return (await stdout).Trim();
    }
}
