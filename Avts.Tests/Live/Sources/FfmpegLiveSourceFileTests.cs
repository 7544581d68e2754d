using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

/// <summary>FfmpegLiveSource on generated files: exact timestamps, contiguous audio, pacing, loops, delays, errors, cleanup.</summary>
public sealed class FfmpegLiveSourceFileTests(LiveMediaFixture media) : IClassFixture<LiveMediaFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task File_FramesAndAudioMatchTheFile_ThenEndedAndCompleted()
    {
        var file = await media.CreateAsync(3);
        using var recorder = new SourceRecorder(new FfmpegLiveSource("file", new LiveInput(file)));

        Assert.Null(await recorder.WaitFinishedAsync(Timeout));
        var events = recorder.Events;
        Assert.Equal(SourceStatus.Connecting, Assert.IsType<SourceStatusEvent>(events[0]).Status);
        Assert.Equal(SourceStatus.Connected, Assert.IsType<SourceStatusEvent>(events[1]).Status);
        Assert.Equal(SourceStatus.Ended, Assert.IsType<SourceStatusEvent>(events[^1]).Status);

        var frames = recorder.Frames;
        Assert.Equal(75, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(i * 0.04, frames[i].PtsSeconds, 1e-6);
            Assert.Equal((320, 180, 320 * 180), (frames[i].Width, frames[i].Height, frames[i].Pixels.Length));
        }

        // Byte alignment: the flash frames (and only they) are bright.
        var bright = frames.Select((f, i) => (i, Mean: f.Pixels.Average(p => (double)p))).Where(f => f.Mean > 128).Select(f => f.i);
        Assert.Equal(LiveMediaFixture.FlashFrames.Where(n => n < 75), bright);

        var chunks = recorder.Chunks;
        Assert.All(chunks, c => Assert.Equal(FfmpegLiveSource.AudioSampleRate, c.SampleRate));
        Assert.InRange(chunks[0].PtsSeconds, -0.001, 0.03);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].EndSeconds, chunks[i].PtsSeconds, 1.0 / 16000);
        }

        Assert.InRange(chunks.Sum(c => c.Samples.Length), 3 * 16000 * 0.98, 3 * 16000 * 1.02);

        // The first beep (at the first flash, 0.48 s) is where the file has it.
        var samples = chunks.SelectMany(c => c.Samples).ToArray();
        var onset = Array.FindIndex(samples, s => Math.Abs(s) > 0.1);
        Assert.Equal(12 * 0.04, chunks[0].PtsSeconds + (onset / 16000.0), 0.005);
    }

    [Fact]
    public async Task RealTime_ThreeSecondFile_TakesAtLeastTwoAndAHalfSeconds()
    {
        var file = await media.CreateAsync(3);
        var clock = Stopwatch.StartNew();
        using var recorder = new SourceRecorder(new FfmpegLiveSource("rt", new LiveInput(file) { RealTime = true }));

        Assert.Null(await recorder.WaitFinishedAsync(Timeout));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(75, recorder.Frames.Count);
    }

    [Fact]
    public async Task Loop_PtsKeepIncreasingAcrossTheLoopBoundary_AndNoEndedStatus()
    {
        var file = await media.CreateAsync(2);
        using var recorder = new SourceRecorder(new FfmpegLiveSource("loop", new LiveInput(file) { Loop = true }));

        await recorder.WaitUntilAsync(e => e.OfType<VideoFrameEvent>().Count() >= 130 && e.OfType<AudioChunkEvent>().Sum(c => c.Samples.Length) > 16000 * 5, Timeout, "130 frames and 5 s of audio");
        recorder.Dispose();

        var frames = recorder.Frames;
        for (var i = 1; i < frames.Count; i++)
        {
            Assert.True(frames[i].PtsSeconds > frames[i - 1].PtsSeconds, $"frame {i}: {frames[i - 1].PtsSeconds} -> {frames[i].PtsSeconds}");
        }

        Assert.True(frames[^1].PtsSeconds > 4.9, $"last frame at {frames[^1].PtsSeconds}");
        var chunks = recorder.Chunks;
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].PtsSeconds >= chunks[i - 1].EndSeconds - (1.0 / 16000), $"chunk {i} goes back in time");
        }

        Assert.DoesNotContain(recorder.Events, e => e is SourceStatusEvent { Status: SourceStatus.Ended });
    }

    [Fact]
    public async Task DelaySchedule_ShiftsAudioPtsFromItsStepOn_VideoUntouched()
    {
        var file = await media.CreateAsync(3);
        var input = new LiveInput(file) { AudioDelay = DelaySchedule.Parse("0@0,200@1.5") };
        using var recorder = new SourceRecorder(new FfmpegLiveSource("delayed", input));

        Assert.Null(await recorder.WaitFinishedAsync(Timeout));
        var chunks = recorder.Chunks;
        var jumps = chunks.Zip(chunks.Skip(1)).Select(p => p.Second.PtsSeconds - p.First.EndSeconds).Where(gap => Math.Abs(gap) > 0.001).ToList();
        Assert.Equal(0.2, Assert.Single(jumps), 1e-6);
        Assert.Equal(74 * 0.04, recorder.Frames[^1].PtsSeconds, 1e-6);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task OneMediumFile_StreamsItAlone(bool video, bool audio)
    {
        var file = await media.CreateAsync(2, video: video, audio: audio);
        using var recorder = new SourceRecorder(new FfmpegLiveSource("one", new LiveInput(file)));

        Assert.Null(await recorder.WaitFinishedAsync(Timeout));
        Assert.Equal(video ? 50 : 0, recorder.Frames.Count);
        Assert.InRange(recorder.Chunks.Sum(c => c.Samples.Length), audio ? 31000 : 0, audio ? 33000 : 0);
    }

    [Theory]
    [InlineData("rtsp://127.0.0.1:1/x", "Connection refused")]
    [InlineData("/nonexistent/avts-live.mp4", "No such file")]
    public async Task UnopenableInput_ErrorsWithOneLineWithinSeconds(string location, string reason)
    {
        var clock = Stopwatch.StartNew();
        using var recorder = new SourceRecorder(new FfmpegLiveSource("bad", new LiveInput(location)));

        var error = Assert.IsType<MediaInputException>(await recorder.WaitFinishedAsync(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_KillsFfmpeg_NoProcessLeft()
    {
        var file = await media.CreateAsync(2);
        Assert.Equal(0, CountProcesses(file));
        using var recorder = new SourceRecorder(new FfmpegLiveSource("disposed", new LiveInput(file) { RealTime = true, Loop = true }));
        await recorder.WaitUntilAsync(e => e.OfType<AudioChunkEvent>().Any() && e.OfType<VideoFrameEvent>().Any(), Timeout, "media");
        var running = CountProcesses(file);

        recorder.Dispose();

        var clock = Stopwatch.StartNew();
        while (CountProcesses(file) > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "ffmpeg still runs 5 s after the subscription was disposed");
            await Task.Delay(50);
        }

        Assert.Equal(1, running);
        Assert.False(recorder.Finished.IsCompleted); // Disposal is silent: no OnError, no OnCompleted.
    }

    /// <summary>Live ffmpeg processes whose command line names <paramref name="marker"/> (zombies excluded).</summary>
    internal static int CountProcesses(string marker)
    {
        var startInfo = new ProcessStartInfo("pgrep") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-f");
        startInfo.ArgumentList.Add("-r");
        startInfo.ArgumentList.Add("R,S,D");
        startInfo.ArgumentList.Add("ffmpeg .*" + marker);
        using var pgrep = Process.Start(startInfo)!;
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.StandardError.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
