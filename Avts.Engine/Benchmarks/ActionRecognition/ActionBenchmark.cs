using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// <c>avts bench ucf101|hmdb51</c>: the AVTS video subnet as initialisation for action recognition. For each split,
/// the same clips of the same videos fine-tune the subnet from the checkpoint ("avts") and from a seeded random
/// initialisation of the same architecture ("scratch") with the same budget; both are scored on the split's test list
/// by clip accuracy and video accuracy.
/// </summary>
public sealed class ActionBenchmark(torch.Device device, TextWriter log)
{
    /// <summary>The initialisations compared, in row order.</summary>
    public static readonly IReadOnlyList<string> Initialisations = ["avts", "scratch"];

    /// <summary>Runs the benchmark; bad layouts throw <see cref="DatasetLayoutException"/>, bad weights <see cref="ModelCardException"/>.</summary>
    public async Task<BenchmarkReport<FineTuneRow>> RunAsync(ActionBenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var card = Checkpoint.ReadCard(options.WeightsPath);
        var modelOptions = card.Options;
        var budget = options.FineTune;
        var outcomes = Initialisations.ToDictionary(i => i, _ => new List<FineTuneOutcome>());
        var counts = new SplitCounts();
        var splitNotes = new List<string>();
        foreach (var number in options.Splits)
        {
            var split = Load(options.Dataset, options.DataDirectory, number).Limit(budget.MaxVideosPerClass, budget.Seed);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts: {split.Dataset} split {number}: {split.Classes.Count} classes, {split.Train.Count} train / {split.Test.Count} test videos listed under {split.VideoRoot}"));
            var loader = new ActionClipLoader(modelOptions, budget.DecodeWidth ?? (2 * modelOptions.InputSize), log);

            // One generator per video, seeded by its place in the list: the starts do not depend on decode order.
            var (train, trainSkipped) = await loader.LoadAsync(
                split.Train, (index, first, last) => ClipStarts.Random(new Random(unchecked((budget.Seed * 1000003) + index)), first, last, budget.ClipsPerVideo), $"split {number} train", cancellationToken).ConfigureAwait(false);
            var (test, testSkipped) = await loader.LoadAsync(
                split.Test, (_, first, last) => ClipStarts.Even(first, last, budget.TestClips), $"split {number} test", cancellationToken).ConfigureAwait(false);
            if (train.Select(v => v.Video.Label).Distinct().Count() < 2 || test.Count == 0)
            {
                throw new DatasetLayoutException($"{split.Dataset} split {number}: no usable videos to fine-tune and test on ({train.Count} train videos of {train.Select(v => v.Video.Label).Distinct().Count()} classes, {test.Count} test videos; skipped ones are on the log)");
            }

            counts = counts.Add(train.Count, train.Sum(v => v.Clips.Count), test.Count, test.Sum(v => v.Clips.Count), trainSkipped.Count + testSkipped.Count);
            splitNotes.Add(string.Create(CultureInfo.InvariantCulture, $"split {number}: {split.Classes.Count} classes, {train.Count} train / {test.Count} test videos, {trainSkipped.Count + testSkipped.Count} skipped"));
            var tuner = new FineTuner(budget, device, log);
            foreach (var initialisation in Initialisations)
            {
                using var model = Create(initialisation, options.WeightsPath, modelOptions, budget.Seed, device);
                outcomes[initialisation].Add(tuner.Run($"{split.Dataset} split {number} {initialisation}", model, split.Classes.Count, train, test, cancellationToken));
            }
        }

        var rows = Initialisations.Select(i => Row(i, outcomes[i], budget.Epochs, counts)).ToList();
        var dataset = $"{options.Dataset} {Path.GetFullPath(options.DataDirectory)}; {string.Join("; ", splitNotes)}"
            + (budget.MaxVideosPerClass is { } max ? string.Create(CultureInfo.InvariantCulture, $"; at most {max} train and {max} test videos per class") : "");
        return new BenchmarkReport<FineTuneRow>(options.Dataset, dataset, Protocol(modelOptions, budget), rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Reads a split of <paramref name="dataset"/> ("ucf101" or "hmdb51").</summary>
    public static ActionSplit Load(string dataset, string dataDirectory, int split) => dataset switch
    {
        Ucf101Layout.Name => Ucf101Layout.Load(dataDirectory, split),
        Hmdb51Layout.Name => Hmdb51Layout.Load(dataDirectory, split),
        _ => throw new ArgumentException($"unknown action dataset '{dataset}'", nameof(dataset)),
    };

    /// <summary>The protocol line of the report.</summary>
    public static string Protocol(AvtsModelOptions model, FineTuneOptions budget)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(budget);
        var colour = model.VideoChannels == 1 ? "grey" : "RGB";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{model.Architecture} video subnet + linear head on its pooled pre-projection features, fine-tuned end to end (cross-entropy, Adam lr {budget.LearningRate}, batch {budget.BatchSize}, {budget.Epochs} epochs, no augmentation), "
            + $"{budget.ClipsPerVideo} seeded random {model.ClipFrames}-frame {colour} {model.InputSize}x{model.InputSize} clips at {model.FrameRate} fps per train video, "
            + $"centre square of the whole frame (the card's \"{model.VideoCrop}\" crop is not used: actions need the scene); "
            + $"avts = checkpoint weights, scratch = seeded random init, same clips, batch order, head init and seed {budget.Seed}; "
            + $"test: {budget.TestClips} evenly spaced clips per video, clip accuracy and video accuracy (argmax of the mean clip softmax); folds = splits");
    }

    private static AvtsModel Create(string initialisation, string weightsPath, AvtsModelOptions modelOptions, int seed, torch.Device device)
    {
        if (initialisation == "avts")
        {
            return Checkpoint.Load(weightsPath, modelOptions, device);
        }

        torch.random.manual_seed(seed);
        return AvtsModel.Create(modelOptions, device);
    }

    private static FineTuneRow Row(string initialisation, List<FineTuneOutcome> outcomes, int epochs, SplitCounts counts)
    {
        var video = AccuracyRow.FromFolds(initialisation, [.. outcomes.Select(o => o.VideoAccuracy)]);
        var clipFolds = outcomes.Select(o => o.ClipAccuracy).ToList();
        return new FineTuneRow(
            initialisation, video.AccuracyMean, video.AccuracyStd, video.Folds, clipFolds.Average(), clipFolds, epochs,
            counts.TrainVideos, counts.TrainClips, counts.TestVideos, counts.TestClips, counts.Skipped,
            outcomes.Average(o => o.FinalLoss), outcomes.Sum(o => o.TrainSeconds));
    }
}
