using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Frozen-feature transfer to sound classification, as in the AVTS paper's ESC-50 / DCASE2014 experiments: every clip
/// is decoded once (mono at the model's sample rate), turned into a log-mel with the model card's settings and into
/// each asked-for feature vector; then each feature set is cross-validated by the dataset's folds with a linear
/// classifier (<see cref="FoldedClassification"/>). The features are computed once and shared by all folds.
/// </summary>
public static class AudioClassificationBenchmark
{
    /// <summary>Runs the benchmark described by <paramref name="options"/>.</summary>
    /// <exception cref="MediaInputException">A clip could not be decoded or has no audio.</exception>
    public static async Task<BenchmarkReport<AccuracyRow>> RunAsync(AudioBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var unknown = options.Features.Except(AudioBenchmarkOptions.AllFeatures, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || options.Features.Count == 0)
        {
            throw new ArgumentException($"unknown or no feature sets: {string.Join(", ", unknown)}", nameof(options));
        }

        var wantsModel = options.Features.Any(f => f != AudioBenchmarkOptions.LogMelFeatures);
        if (wantsModel && options.WeightsPath is null)
        {
            throw new ArgumentException("avts and random features need a weights path (its card gives the architecture).", nameof(options));
        }

        var modelOptions = options.WeightsPath is null ? AvtsModelOptions.Tiny : Checkpoint.ReadCard(options.WeightsPath).Options;
        using var trained = options.Features.Contains(AudioBenchmarkOptions.AvtsFeatures) ? EncoderFeatures.FromWeights(options.WeightsPath!, options.Stage) : null;
        using var random = options.Features.Contains(AudioBenchmarkOptions.RandomFeatures) ? EncoderFeatures.Random(modelOptions, options.Seed, options.Stage) : null;

        // Each feature set gives one or more candidate vectors per clip (several: one per stage, when the stage is chosen per fold).
        var extractors = new Dictionary<string, Func<float[,], float[][]>>(StringComparer.Ordinal);
        foreach (var name in options.Features)
        {
            extractors[name] = name switch
            {
                AudioBenchmarkOptions.AvtsFeatures => Candidates(trained!, options.ChooseStage),
                AudioBenchmarkOptions.RandomFeatures => Candidates(random!, options.ChooseStage),
                _ => logMel => [LogMelStatistics.Compute(logMel)],
            };
        }

        var dataset = options.Dataset;
        var minimumFrames = Math.Max(trained?.MinimumFrames ?? random?.MinimumFrames ?? 2, 2);
        var features = await ExtractAsync(dataset, modelOptions, minimumFrames, extractors, options, cancellationToken).ConfigureAwait(false);

        var classIndex = dataset.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var labels = dataset.Clips.Select(c => classIndex[c.Label]).ToList();
        var clipFolds = dataset.Clips.Select(c => c.Fold).ToList();
        var rows = new List<AccuracyRow>();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = features[name];
            options.Log?.Invoke($"cross-validating {name} features ({string.Join("/", candidates.Select(c => c[0].Length))}-d) over {dataset.Folds.Count} folds");
            var folds = await Task.Run(() => FoldedClassification.EvaluateChoosing(candidates, labels, clipFolds, dataset.Folds, dataset.Classes.Count), cancellationToken).ConfigureAwait(false);
            rows.Add(AccuracyRow.FromFolds(name, [.. folds.Select(f => Math.Round(f.Accuracy, 4))]));
            if (candidates.Length > 1)
            {
                // Candidates run from the last stage down, so candidate k is stage (count − k).
                chosen[name] = string.Join(",", folds.Select(f => candidates.Length - f.Candidate));
                options.Log?.Invoke($"{name}: stage chosen per fold {chosen[name]}");
            }
        }

        var describedFeatures = options.Features.Select(name => name switch
        {
            AudioBenchmarkOptions.AvtsFeatures => $"avts = frozen {Describe(trained!, options.ChooseStage)} of {Path.GetFileName(options.WeightsPath)}{Chosen(chosen, name)}",
            AudioBenchmarkOptions.RandomFeatures => string.Create(CultureInfo.InvariantCulture, $"random = same layer choice and pooling, untrained {modelOptions.Architecture} subnet seeded {options.Seed}{Chosen(chosen, name)}"),
            _ => LogMelStatistics.Describe(modelOptions.MelBins),
        });
        var protocol = string.Create(CultureInfo.InvariantCulture, $"log-mel {modelOptions.MelBins} bands, {modelOptions.SampleRate} Hz mono, {1000.0 * modelOptions.HopLength / modelOptions.SampleRate:0.#} ms hop, whole clip; ")
            + string.Join("; ", describedFeatures) + "; classifier: " + FoldedClassification.Describe(dataset.Folds.Count);
        var description = string.Create(CultureInfo.InvariantCulture, $"{dataset.Description}: {dataset.Clips.Count} clips, {dataset.Classes.Count} classes, {dataset.Folds.Count} folds");
        return new BenchmarkReport<AccuracyRow>(options.Benchmark, description, protocol, rows, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    /// <summary>The stage(s) an encoder's features come from: its own, or every stage from the last down.</summary>
    private static Func<float[,], float[][]> Candidates(EncoderFeatures encoder, bool allStages) => allStages
        ? encoder.ComputeEveryStage
        : logMel => [encoder.Compute(logMel)];

    private static string Describe(EncoderFeatures encoder, bool chosenPerFold) => chosenPerFold ? encoder.DescribeChosen() : encoder.Describe();

    private static string Chosen(Dictionary<string, string> chosen, string name) =>
        chosen.TryGetValue(name, out var stages) ? $" (stages chosen for folds in order: {stages})" : "";

    /// <summary>Candidate feature rows per feature set (one list per candidate, one row per clip in dataset order); decodes run ahead.</summary>
    private static async Task<Dictionary<string, List<float[]>[]>> ExtractAsync(
        AudioDataset dataset,
        AvtsModelOptions o,
        int minimumFrames,
        Dictionary<string, Func<float[,], float[][]>> extractors,
        AudioBenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        var mel = new LogMelSpectrogram(o.SampleRate, o.FftSize, o.HopLength, o.WindowLength, o.MelBins, o.MelMinHz, o.MelMaxHz, o.LogOffset);
        var minimumSamples = o.WindowLength + ((minimumFrames - 1) * o.HopLength);
        var result = new Dictionary<string, List<float[]>[]>(StringComparer.Ordinal);
        var pending = new Queue<Task<float[]>>();
        var next = 0;
        for (var i = 0; i < dataset.Clips.Count; i++)
        {
            while (next < dataset.Clips.Count && pending.Count < Math.Max(1, options.DecodeParallelism))
            {
                pending.Enqueue(DecodeAsync(dataset.Clips[next++].Path, o.SampleRate, cancellationToken));
            }

            var samples = await pending.Dequeue().ConfigureAwait(false);
            if (samples.Length < minimumSamples)
            {
                // A clip shorter than the subnet's receptive field is padded with silence rather than dropped.
                Array.Resize(ref samples, minimumSamples);
            }

            var logMel = mel.Compute(samples);
            foreach (var (name, extract) in extractors)
            {
                var vectors = extract(logMel);
                if (!result.TryGetValue(name, out var lists))
                {
                    lists = [.. vectors.Select(_ => new List<float[]>(dataset.Clips.Count))];
                    result[name] = lists;
                }

                for (var c = 0; c < vectors.Length; c++)
                {
                    lists[c].Add(vectors[c]);
                }
            }

            if ((i + 1) % 50 == 0 || i + 1 == dataset.Clips.Count)
            {
                options.Log?.Invoke($"features of {i + 1}/{dataset.Clips.Count} clips");
            }
        }

        return result;
    }

    private static async Task<float[]> DecodeAsync(string path, int sampleRate, CancellationToken cancellationToken)
    {
        var decodeOptions = new DecodeOptions { IncludeVideo = false, AudioSampleRate = sampleRate };
        var media = await MediaDecoder.DecodeAsync(path, decodeOptions, cancellationToken).ConfigureAwait(false);
        return media.Audio?.Samples ?? throw new MediaInputException($"{path}: no audio stream.");
    }
}
