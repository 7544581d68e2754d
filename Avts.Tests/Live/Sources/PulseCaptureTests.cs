using Avts.Tests.Fixtures;
using Avts.Live.Sources;

namespace Avts.Tests.Live.Sources;

/// <summary>Capture from a private PulseAudio null sink's monitor while ffmpeg plays a tone into the sink.</summary>
[Collection(RealTimeStreams.Name)]
public sealed class PulseCaptureTests(PulseNullSink pulse) : IClassFixture<PulseNullSink>
{
    [Fact]
    public async Task Pulse_CapturesToneFromNullSinkMonitor_AboveMinus40Dbfs()
    {
        using var tone = pulse.PlayTone(1000, 6);
        var input = new LiveInput("pulse:" + pulse.MonitorSource) { Environment = pulse.Environment };
        using var recorder = new SourceRecorder(new FfmpegLiveSource("mic", input));

        await recorder.WaitUntilAsync(e => e.OfType<AudioChunkEvent>().Sum(c => c.Samples.Length) >= 16000 * 2, TimeSpan.FromSeconds(10), "2 s of audio");
        var samples = recorder.Chunks.SelectMany(c => c.Samples).Skip(16000 / 2).ToArray();
        var rms = Math.Sqrt(samples.Average(s => (double)s * s));
        Assert.True(20 * Math.Log10(rms) > -40, $"RMS {20 * Math.Log10(rms):0.0} dBFS ({tone.Tail})");
        Assert.Empty(recorder.Frames);
    }

    [Fact]
    public async Task DeviceLister_ListsTheMonitor_AndNeverThrows()
    {
        var listing = await DeviceLister.ListAsync(pulse.Environment);

        Assert.Contains(listing.Devices, d => d.Location == "pulse:" + pulse.MonitorSource && d.HasAudio && !d.HasVideo);
        Assert.All(listing.Notes, n => Assert.DoesNotContain('\n', n));
    }
}
