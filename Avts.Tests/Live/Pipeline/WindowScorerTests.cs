using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Live.Pipeline;
using Avts.Live.Sources;
using static Avts.Tests.Live.Pipeline.LiveEvents;

namespace Avts.Tests.Live.Pipeline;

public sealed class WindowScorerTests
{
    private const int Width = 64;
    private const int Height = 36;
    private const int SampleRate = 16000;
    private static readonly LiveOptions Options = new() { WindowSeconds = 4, HopSeconds = 1, RangeSeconds = 1 };

    /// <summary>Irregularly spaced flashes (frame-aligned at 25 fps) inside the window [100, 104).</summary>
    private static readonly double[] Flashes = [100.6, 101.72, 102.44, 103.36];

    [Fact]
    public void ScoreOne_OnsetOnFlashesWithBeeps120MsLate_IsLiveAt120Ms()
    {
        var window = FirstWindow(flashing: true, beepDelay: 0.12, seed: 11);

        var score = new WindowScorer(new OnsetEstimator(cascadePath: null), Options).ScoreOne(window, CancellationToken.None);

        Assert.Equal(StreamState.Live, score.State);
        Assert.InRange(score.AudioDelayMs!.Value, 115, 125);
        Assert.True(score.Confidence >= SyncGate.MinimumConfidence);
    }

    [Fact]
    public void ScoreOne_OnsetOnSilentAudio_IsSilent()
    {
        var window = FirstWindow(flashing: true, beepDelay: null, seed: 12);

        var score = new WindowScorer(new OnsetEstimator(cascadePath: null), Options).ScoreOne(window, CancellationToken.None);

        Assert.Equal(new WindowScore(null, 0, StreamState.Silent), score);
    }

    [Fact]
    public void ScoreOne_OnsetOnConstantFrames_IsFrozen()
    {
        var window = FirstWindow(flashing: false, beepDelay: 0.12, seed: 13);

        var score = new WindowScorer(new OnsetEstimator(cascadePath: null), Options).ScoreOne(window, CancellationToken.None);

        Assert.Equal(new WindowScore(null, 0, StreamState.Frozen), score);
    }

    [Fact]
    public void Score_Batch_KeepsOrderAndSaysWhyThereIsNoDelay()
    {
        var estimator = new ScriptedEstimator(media => media.Audio!.StartSeconds >= 10 ? null : 40 + media.Audio.StartSeconds);
        var scorer = new WindowScorer(estimator, Options);
        LiveWindow[] windows =
        [
            Moving("a", 0), Window("b", 0, video: false), Moving("c", 1), Window("d", 0, audio: false), Moving("e", 20), Moving("f", 2),
        ];

        var scores = scorer.Score(windows, CancellationToken.None);

        Assert.Equal(
            [
                new WindowScore(40, 0.8, StreamState.Live), new WindowScore(null, 0, StreamState.NoVideo),
                new WindowScore(41, 0.8, StreamState.Live), new WindowScore(null, 0, StreamState.NoAudio),
                new WindowScore(null, 0.05, StreamState.Undetermined), new WindowScore(42, 0.8, StreamState.Live),
            ],
            scores);
        Assert.Equal(4, estimator.Calls);
        Assert.Equal(new AnalysisOptions { WindowSeconds = 4, HopSeconds = 4, RangeSeconds = 1 }, estimator.LastOptions);
        Assert.Equal("scripted", scorer.Name);
    }

    /// <summary>A window whose two frames differ a lot (moving) and whose audio is loud.</summary>
    private static LiveWindow Moving(string stream, double start)
    {
        var video = new VideoTrack(1, 1, [0, 200], [start, start + 0.04]);
        var audio = new AudioTrack(Enumerable.Repeat(0.2f, 4000).ToArray(), 1000, start);
        return new LiveWindow(stream, 0, start, start + 4, new DecodedMedia(new MediaInfo(stream, "live", 4, null, null), video, audio), T0);
    }

    /// <summary>
    /// The first window [100, 104) the assembler cuts from 25 fps frames (flashing white at <see cref="Flashes"/>, or
    /// constant) and 20 ms chunks of 16 kHz noise with 1 kHz beeps <paramref name="beepDelay"/> s after each flash (none:
    /// digital silence).
    /// </summary>
    private static LiveWindow FirstWindow(bool flashing, double? beepDelay, int seed)
    {
        var random = new Random(seed);
        var events = new List<SourceEvent>();
        var flashFrames = Flashes.Select(t => (int)Math.Round((t - 100) * 25)).ToHashSet();
        for (var f = 0; f < 4.5 * 25; f++)
        {
            var lit = flashing && Enumerable.Range(0, 3).Any(back => flashFrames.Contains(f - back));
            var pixels = flashing
                ? Enumerable.Range(0, Width * Height).Select(_ => (byte)((lit ? 220 : 16) + random.Next(-3, 4))).ToArray()
                : Enumerable.Repeat((byte)90, Width * Height).ToArray();
            events.Add(new VideoFrameEvent(T0, 100 + (f / 25.0), Width, Height, pixels));
        }

        const int chunk = SampleRate / 50;
        for (var c = 0; c < 4.5 * 50; c++)
        {
            var samples = new float[chunk];
            for (var i = 0; beepDelay is { } delay && i < chunk; i++)
            {
                var t = 100 + (((c * chunk) + i) / (double)SampleRate);
                var beep = Flashes.Any(x => t >= x + delay && t < x + delay + 0.125);
                var sinceBeep = t - delay;
                samples[i] = (float)((0.005 * ((random.NextDouble() * 2) - 1)) + (beep ? 0.5 * Math.Sin(2 * Math.PI * 1000 * sinceBeep) : 0));
            }

            events.Add(new AudioChunkEvent(T0, 100 + (c / 50.0), SampleRate, samples));
        }

        return new WindowAssembler("cam", Options).FeedAll(events.OrderBy(Pts))[0];
    }
}
