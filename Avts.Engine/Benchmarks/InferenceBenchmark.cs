using System.Diagnostics;
using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using TorchSharp;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// Times the AVTS estimator on one 1 s window the way <see cref="AvtsEstimator.Analyze(DecodedMedia, AnalysisOptions, CancellationToken)"/> scores each clip (log-mel of
/// the clip ± range, video embedding once, audio feature map once, every shift pooled and compared), then each stage
/// on its own, and counts the window's multiply-adds with <see cref="FlopCounter"/>. Inputs are cut from synthetic
/// 320x180 grey media (random pixels and noise: the cost does not depend on the content; a lips model gets random
/// mouth shapes). Untrained weights are
/// seeded, so two runs time the same network. Both timing loops first warm up (<see cref="WarmUp"/>): .NET compiles the
/// log-mel and cropping loops unoptimised at first and recompiles them after a few dozen calls, and an `avts check`
/// that scores hundreds of clips runs the recompiled code; one warm-up call timed that first tier instead.
/// Beside the lone window, <see cref="TimeCheck"/> times the network's share of a whole check per clip, where the clips
/// of a window share one batch and the input one audio map.
/// </summary>
public static class InferenceBenchmark
{
    private const int DecodeWidth = 320;
    private const int DecodeHeight = 180;

    /// <summary>Untimed calls before timing (unless they take longer than <see cref="WarmUpLimit"/>).</summary>
    private const int WarmUpCalls = 40;

    /// <summary>Shortest warm-up: the recompilation runs on a background thread after the 30th call.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    /// <summary>Longest warm-up (mc3-18 takes over a second a call).</summary>
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(5);

    /// <summary>Runs the benchmark for one model size.</summary>
    /// <exception cref="FileNotFoundException">--weights names no file.</exception>
    /// <exception cref="ModelCardException">The weights' card is missing or unreadable.</exception>
    public static InferenceTimingRow Run(InferenceBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);
        string? folder = null;
        var weights = options.WeightsPath;
        if (weights is null)
        {
            folder = Directory.CreateTempSubdirectory("avts-bench-speed-").FullName;
            weights = Path.Combine(folder, $"{options.Model.Architecture}.pt");
            torch.random.manual_seed(1);
            using var untrained = AvtsModel.Create(options.Model);
            Checkpoint.Save(untrained, weights, "untrained", "avts bench speed", new Dictionary<string, double>());
        }

        try
        {
            using var estimator = new AvtsEstimator(weights, device: "cpu");
            return Measure(estimator, weights, options, cancellationToken);
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static InferenceTimingRow Measure(AvtsEstimator estimator, string weights, InferenceBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var o = estimator.Options;
        var stepSeconds = (double)o.HopLength / o.SampleRate;
        var maxShift = (int)Math.Round(options.RangeSeconds / stepSeconds);
        var shiftCount = (2 * maxShift) + 1;
        var (video, audio) = SyntheticMedia(o, options.RangeSeconds);
        var clipStart = Math.Ceiling((options.RangeSeconds + AvtsInputs.ContextSeconds(o) + 0.1) * o.FrameRate) / o.FrameRate;

        // The same audio span ClipCurve cuts: the window of the most negative shift, context included, to the most positive.
        var first = (int)Math.Round((clipStart - (maxShift * stepSeconds) - AvtsInputs.ContextSeconds(o)) * o.SampleRate);
        var spanLength = ((shiftCount - 1) * o.HopLength) + o.AudioWindowSamples;

        var cut = new List<double>();
        var window = new List<double>();
        void ScoreOnce(bool timed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var clip = ClipAt(video, clipStart, o);
            var span = audio.Samples.AsSpan(first, spanLength).ToArray();
            var cutMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            _ = estimator.ScoreClip(clip, span, shiftCount);
            if (timed)
            {
                cut.Add(cutMs);
                window.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        WarmUp(() => ScoreOnce(timed: false));
        for (var r = 0; r < options.Runs; r++)
        {
            ScoreOnce(timed: true);
        }

        var (checkClipMs, checkClips) = TimeCheck(estimator, options, cancellationToken);
        var videoClip = ClipAt(video, clipStart, o);
        var audioSpan = audio.Samples.AsSpan(first, spanLength).ToArray();
        using var model = Checkpoint.Load(weights, o);
        model.eval();
        var stages = TimeStages(model, videoClip, audioSpan, shiftCount, options.Runs, cancellationToken);
        var (videoMacs, audioMacs) = CountMultiplyAdds(model, videoClip, audioSpan);
        var gflop = 2.0 * (videoMacs + audioMacs) / 1e9;
        var median = SampleStatistics.Median(window);
        var rate = gflop / (median / 1000);
        return new InferenceTimingRow(
            o.Architecture,
            options.WeightsPath ?? "untrained",
            model.ParameterCount,
            options.RangeSeconds,
            shiftCount,
            options.Runs,
            torch.get_num_threads(),
            Timings.Round(Timings.Min(window), 2),
            Timings.Round(median, 2),
            Timings.Round(SampleStatistics.Median(cut), 2),
            Timings.Round(SampleStatistics.Median(stages.LogMel), 2),
            Timings.Round(SampleStatistics.Median(stages.Video), 2),
            Timings.Round(SampleStatistics.Median(stages.AudioMap), 2),
            Timings.Round(SampleStatistics.Median(stages.Shifts), 2),
            Timings.Round(videoMacs / 1e9, 4),
            Timings.Round(audioMacs / 1e9, 4),
            Timings.Round(gflop, 4),
            Timings.Round(rate, 2),
            Timings.Round(100 * rate / options.PeakGflopPerSecond, 1),
            Timings.Round(checkClipMs, 2),
            checkClips);
    }

    /// <summary>Length of the synthetic media <see cref="TimeCheck"/> scores, seconds.</summary>
    public const double CheckSeconds = 30;

    /// <summary>
    /// Median milliseconds per clip of the network's share of a check over <see cref="CheckSeconds"/> of synthetic media
    /// in the default analysis windows (the clips of each window in one batch, the log-mel and audio map once per input,
    /// the frozen-picture gate; inputs cut once beforehand), and the clips per run.
    /// </summary>
    private static (double PerClipMs, int Clips) TimeCheck(AvtsEstimator estimator, InferenceBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var o = estimator.Options;
        var (video, audio) = SyntheticMedia(o, (CheckSeconds - o.WindowSeconds - 2) / 2);
        var bounds = OnsetEstimator.WindowBounds(0, CheckSeconds, new AnalysisOptions { RangeSeconds = options.RangeSeconds }).ToList();

        // Every clip the scoring asks for is cut once, in the untimed first run; their count is the clips per run.
        var cut = new Dictionary<double, float[]>();
        float[]? ClipAt(double start) => cut.TryGetValue(start, out var clip) ? clip : cut[start] = InferenceBenchmark.ClipAt(video, start, o);
        var times = new List<double>();
        for (var r = -1; r < Math.Max(3, options.Runs / 3); r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            _ = estimator.ScoreWindows(video, audio, bounds, options.RangeSeconds, ClipAt, cancellationToken);
            if (r >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds / cut.Count);
            }
        }

        return (SampleStatistics.Median(times), cut.Count);
    }

    /// <summary>The stages of <see cref="AvtsModel.ShiftDistances"/> (and the log-mel before it), each timed alone.</summary>
    private static (List<double> LogMel, List<double> Video, List<double> AudioMap, List<double> Shifts) TimeStages(
        AvtsModel model, float[] clip, float[] span, int shiftCount, int runs, CancellationToken cancellationToken)
    {
        var o = model.Options;
        var mel = new LogMelSpectrogram(o.SampleRate, o.FftSize, o.HopLength, o.WindowLength, o.MelBins, o.MelMinHz, o.MelMaxHz, o.LogOffset);
        var stages = (LogMel: new List<double>(), Video: new List<double>(), AudioMap: new List<double>(), Shifts: new List<double>());
        void TimeOnce(bool timed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var clock = Stopwatch.StartNew();
            var audioTensor = AvtsModel.LogMelTensor(mel.Compute(span));
            var logMelMs = clock.Elapsed.TotalMilliseconds;
            var videoTensor = torch.tensor(clip, o.VideoClipShape(1));
            clock.Restart();
            var videoEmbedding = model.VideoSubnet.call(videoTensor).unsqueeze(1);
            var videoMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var map = model.Audio.FeatureMap(audioTensor);
            var mapMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var audioEmbeddings = model.Audio.PoolShifts(map, 0, shiftCount, o.AudioWindowFrames);
            _ = (videoEmbedding - audioEmbeddings).square().sum(-1).sqrt().data<float>().ToArray();
            var shiftsMs = clock.Elapsed.TotalMilliseconds;
            if (timed)
            {
                stages.LogMel.Add(logMelMs);
                stages.Video.Add(videoMs);
                stages.AudioMap.Add(mapMs);
                stages.Shifts.Add(shiftsMs);
            }
        }

        WarmUp(() => TimeOnce(timed: false));
        for (var r = 0; r < runs; r++)
        {
            TimeOnce(timed: true);
        }

        return stages;
    }

    private static (long Video, long Audio) CountMultiplyAdds(AvtsModel model, float[] clip, float[] span)
    {
        var o = model.Options;
        var mel = new LogMelSpectrogram(o.SampleRate, o.FftSize, o.HopLength, o.WindowLength, o.MelBins, o.MelMinHz, o.MelMaxHz, o.LogOffset);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var videoCounter = FlopCounter.Attach(model.VideoSubnet);
        using var audioCounter = FlopCounter.Attach(model.Audio);
        var audioTensor = AvtsModel.LogMelTensor(mel.Compute(span));
        var videoTensor = torch.tensor(clip, o.VideoClipShape(1));
        var shifts = (span.Length - o.AudioWindowSamples) / o.HopLength + 1;
        _ = model.ShiftDistances(videoTensor, audioTensor, 0, shifts);
        return (videoCounter.MultiplyAdds, audioCounter.MultiplyAdds);
    }

    /// <summary>
    /// Calls <paramref name="call"/> at least once and for at least <see cref="WarmUpTime"/>, and on up to
    /// <see cref="WarmUpCalls"/> calls unless <see cref="WarmUpLimit"/> has passed.
    /// </summary>
    private static void WarmUp(Action call)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; n == 0 || clock.Elapsed < WarmUpTime || (n < WarmUpCalls && clock.Elapsed < WarmUpLimit); n++)
        {
            call();
        }
    }

    /// <summary>Decoded-looking media as check hands it over: 320x180 grey frames at the model's rate and mono PCM.</summary>
    // A pixel model's clip cut from the synthetic frames; a lips model's clip is mouth shapes (seeded noise of the
    // clip's size): the landmarks that make real ones are timed by the check rows, not here.
    private static float[] ClipAt(VideoTrack video, double clipStart, AvtsModelOptions o)
    {
        if (o.IsLips)
        {
            var random = new Random(7);
            return [.. Enumerable.Range(0, o.VideoClipValues).Select(_ => (float)(random.NextDouble() - 0.5))];
        }

        return AvtsInputs.VideoClip(video, clipStart, o) ?? throw new InvalidOperationException("the synthetic video does not cover the clip");
    }

    private static (VideoTrack Video, AudioTrack Audio) SyntheticMedia(AvtsModelOptions o, double rangeSeconds)
    {
        var seconds = (2 * rangeSeconds) + o.WindowSeconds + 2;
        var frames = (int)Math.Ceiling(seconds * o.FrameRate);
        var random = new Random(1);
        var pixels = new byte[DecodeWidth * DecodeHeight * frames];
        random.NextBytes(pixels);
        var video = new VideoTrack(DecodeWidth, DecodeHeight, pixels, [.. Enumerable.Range(0, frames).Select(i => (double)i / o.FrameRate)]);
        var samples = new float[(int)(seconds * o.SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.1 * (random.NextDouble() - 0.5));
        }

        return (video, new AudioTrack(samples, o.SampleRate, 0));
    }
}
