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
        var extractors = new Dictionary<string, Func<float[,], float[]>>(StringComparer.Ordinal);
        foreach (var name in options.Features)
        {
            extractors[name] = name switch
            {
                AudioBenchmarkOptions.AvtsFeatures => trained!.Compute,
                AudioBenchmarkOptions.RandomFeatures => random!.Compute,
                _ => LogMelStatistics.Compute,
            };
        }

        var dataset = options.Dataset;
        var minimumFrames = Math.Max(trained?.MinimumFrames ?? random?.MinimumFrames ?? 2, 2);
        var features = await ExtractAsync(dataset, modelOptions, minimumFrames, extractors, options, cancellationToken).ConfigureAwait(false);

        var classIndex = dataset.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var labels = dataset.Clips.Select(c => classIndex[c.Label]).ToList();
        var clipFolds = dataset.Clips.Select(c => c.Fold).ToList();
        var rows = new List<AccuracyRow>();
        foreach (var name in options.Features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            options.Log?.Invoke($"cross-validating {name} features ({features[name][0].Length}-d) over {dataset.Folds.Count} folds");
            var folds = await Task.Run(() => FoldedClassification.Evaluate(features[name], labels, clipFolds, dataset.Folds, dataset.Classes.Count), cancellationToken).ConfigureAwait(false);
            rows.Add(AccuracyRow.FromFolds(name, [.. folds.Select(a => Math.Round(a, 4))]));
        }

        var describedFeatures = options.Features.Select(name => name switch
        {
            AudioBenchmarkOptions.AvtsFeatures => $"avts = frozen {trained!.Describe()} of {Path.GetFileName(options.WeightsPath)}",
            AudioBenchmarkOptions.RandomFeatures => string.Create(CultureInfo.InvariantCulture, $"random = same layer and pooling, untrained {modelOptions.Architecture} subnet seeded {options.Seed}"),
            _ => LogMelStatistics.Describe(modelOptions.MelBins),
        });
        var protocol = $"log-mel {modelOptions.MelBins} bands, {modelOptions.SampleRate} Hz mono, {1000.0 * modelOptions.HopLength / modelOptions.SampleRate:0.#} ms hop, whole clip; "
            + string.Join("; ", describedFeatures) + "; classifier: " + FoldedClassification.Describe(dataset.Folds.Count);
        var description = string.Create(CultureInfo.InvariantCulture, $"{dataset.Description}: {dataset.Clips.Count} clips, {dataset.Classes.Count} classes, {dataset.Folds.Count} folds");
        return new BenchmarkReport<AccuracyRow>(options.Benchmark, description, protocol, rows, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    /// <summary>Feature rows per feature set, one per clip in dataset order; decodes run ahead of the extraction.</summary>
    private static async Task<Dictionary<string, List<float[]>>> ExtractAsync(
        AudioDataset dataset,
        AvtsModelOptions o,
        int minimumFrames,
        Dictionary<string, Func<float[,], float[]>> extractors,
        AudioBenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        var mel = new LogMelSpectrogram(o.SampleRate, o.FftSize, o.HopLength, o.WindowLength, o.MelBins, o.MelMinHz, o.MelMaxHz, o.LogOffset);
        var minimumSamples = o.WindowLength + ((minimumFrames - 1) * o.HopLength);
        var result = extractors.Keys.ToDictionary(k => k, _ => new List<float[]>(dataset.Clips.Count), StringComparer.Ordinal);
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
                result[name].Add(extract(logMel));
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
