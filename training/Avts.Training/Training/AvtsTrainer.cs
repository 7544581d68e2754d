using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Avts.Engine.Media;
using Avts.Engine.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>
/// Self-supervised AVTS training: seeded batches (pairs from <see cref="PairSampler"/> under the
/// <see cref="Curriculum"/> and/or shift-loss clips) scored by the configured <see cref="TrainingObjective"/>, Adam,
/// one step per batch; after every epoch validation (<see cref="SyncValidator"/>), a checkpoint with its model card
/// (<c>epoch_NNN.bin</c>), the Adam state (<c>epoch_NNN.optim</c>), <c>state.json</c> for <c>--resume</c>,
/// metrics.csv and metrics.png. Epoch e draws its batches from seed·1000003 + e, so a resumed run draws the same
/// batches as an uninterrupted one (the weights differ only by floating-point nondeterminism).
/// </summary>
public sealed class AvtsTrainer
{
    private readonly TrainingConfig config;
    private readonly string outputFolder;
    private readonly Device device;
    private readonly TextWriter log;

    /// <summary>Creates a trainer writing to <paramref name="outputFolder"/>; progress goes to <paramref name="log"/>.</summary>
    public AvtsTrainer(TrainingConfig config, string outputFolder, Device device, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
        this.outputFolder = Path.GetFullPath(outputFolder);
        this.device = device;
        this.log = log;
    }

    /// <summary>The state file of <paramref name="folder"/>.</summary>
    public static string StatePath(string folder) => Path.Combine(folder, "state.json");

    /// <summary>Trains up to the configured epochs (continuing after the saved epoch when <paramref name="resume"/>); returns all metric rows.</summary>
    public async Task<IReadOnlyList<EpochMetrics>> RunAsync(bool resume, string command, CancellationToken cancellationToken)
    {
        var options = config.ModelOptions();
        Directory.CreateDirectory(outputFolder);
        var state = resume ? ReadState() : null;
        var catalog = DataCatalog.Find(config.Data, options, config.DecodeWidth);
        var files = catalog.Files.ToList();
        if (config.MaxVideos > 0 && files.Count > config.MaxVideos)
        {
            var shuffled = files.ToArray();
            new Random(config.Seed + 1).Shuffle(shuffled);
            files = [.. shuffled.Take(config.MaxVideos).Order(StringComparer.Ordinal)];
        }

        var (trainFiles, valFiles) = state is { ValidationVideos.Count: > 0 }
            ? (files.Where(f => !state.ValidationVideos.Contains(f)).ToList(), state.ValidationVideos.Where(files.Contains).ToList())
            : DataSplit.Split(files, config.ValidationFiles, config.ValidationFraction, config.Seed);
        var train = await LoadAsync(catalog, trainFiles, options, cancellationToken).ConfigureAwait(false);
        var validation = await LoadAsync(catalog, valFiles, options, cancellationToken).ConfigureAwait(false);
        if (train.Videos.Count(v => v.Range.CanPair) < 2 || validation.Videos.Count(v => v.Range.CanPair) < 2)
        {
            throw new TrainingDataException($"usable videos: {train.Videos.Count} for training and {validation.Videos.Count} for validation; each side needs at least two");
        }

        if (config.Threads > 0)
        {
            torch.set_num_threads(config.Threads);
        }

        torch.random.manual_seed(config.Seed);
        var startEpoch = (state?.Epoch ?? 0) + 1;
        using var model = state is null ? AvtsModel.Create(options, device) : Checkpoint.Load(Path.Combine(outputFolder, state.Weights), options, device);
        using var optimizer = torch.optim.Adam(model.parameters(), lr: config.LearningRate);
        if (state is { Optimizer.Length: > 0 })
        {
            optimizer.load_state_dict(Path.Combine(outputFolder, state.Optimizer));

            // The saved state carries the learning rate it ran with; a resumed stage runs with its own config's rate
            // (a lower one to settle a run), keeping Adam's moment estimates.
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = config.LearningRate;
            }
        }

        using var objective = new TrainingObjective(config, train.Videos, options, device);
        var curriculum = new Curriculum(config.Curriculum);
        var validator = new SyncValidator(validation.Videos, options, config, device);
        var metrics = new MetricsLog(outputFolder);
        metrics.LoadUpTo(startEpoch - 1);
        var batches = config.BatchesPerEpoch > 0 ? config.BatchesPerEpoch : (train.Videos.Count + config.BatchSize - 1) / config.BatchSize;
        var description = DescribeData(train, validation, batches, objective);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: {options.Architecture} ({model.ParameterCount:N0} parameters) on {device.type}, epochs {startEpoch}..{config.Epochs}, {batches} batches of {objective.ClipsPerBatch} clips per epoch ({objective.Describe()}), {validator.Pairs.Count} validation pairs -> {outputFolder}"));

        for (var epoch = startEpoch; epoch <= config.Epochs; epoch++)
        {
            var row = TrainEpoch(model, optimizer, objective, curriculum, epoch, batches, cancellationToken);
            var result = validator.Evaluate(model);
            row = row with
            {
                ValEasyAcc = result.EasyAccuracy,
                ValHardAcc = result.HardAccuracy,
                OffsetAcc40Ms = result.OffsetAccuracy40Ms,
                ValPosDist = result.PositiveDistance,
                ValEasyDist = result.EasyDistance,
                ValHardDist = result.HardDistance,
            };
            metrics.Add(row);
            Save(model, optimizer, epoch, row, result, description, command, validation);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: epoch {epoch} stage {row.Stage}: loss {row.Loss:0.0000}{ShiftNote(row.ShiftLoss)}, val easy {row.ValEasyAcc:P1}, hard {row.ValHardAcc:P1} (threshold {result.Threshold:0.###}), offset ±40 ms {row.OffsetAcc40Ms:P1} (median |err| {result.MedianAbsOffsetMs:0} ms), distances pos/easy/hard {row.ValPosDist:0.###}/{row.ValEasyDist:0.###}/{row.ValHardDist:0.###}, {row.ClipsPerSecond:0.0} clips/s"));
        }

        return metrics.Rows;
    }

    private Task<ClipCache> LoadAsync(DataCatalog catalog, IReadOnlyList<string> files, AvtsModelOptions options, CancellationToken cancellationToken) =>
        options.IsLips
            ? ClipCache.LoadLipsAsync(files, options, config.LipsCache, keepPixels: false, log, cancellationToken)
            : ClipCache.LoadAsync(catalog, files, options, config.DecodeWidth, log, cancellationToken);

    private EpochMetrics TrainEpoch(AvtsModel model, TorchSharp.Modules.OptimizerHelper optimizer, TrainingObjective objective, Curriculum curriculum, int epoch, int batches, CancellationToken cancellationToken)
    {
        model.train();
        var random = new Random(unchecked((config.Seed * 1000003) + epoch));
        var hardShare = curriculum.HardShare(epoch);
        var superHardShare = curriculum.SuperHardShare(epoch);
        var watch = Stopwatch.StartNew();
        var (total, sinceLog, shiftTotal, shiftSinceLog) = (0.0, 0.0, 0.0, 0.0);
        var building = TimeSpan.Zero;
        for (var b = 1; b <= batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var step = objective.Step(model, random, hardShare, superHardShare);
            building += step.Building;
            step.Loss.backward();
            optimizer.step();
            var item = step.Loss.cpu().item<float>();
            var shiftItem = step.ShiftLoss is null ? double.NaN : step.ShiftLoss.cpu().item<float>();
            (total, sinceLog, shiftTotal, shiftSinceLog) = (total + item, sinceLog + item, shiftTotal + shiftItem, shiftSinceLog + shiftItem);
            if (b % config.LogEvery == 0 || b == batches)
            {
                var n = b % config.LogEvery == 0 ? config.LogEvery : b % config.LogEvery;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: epoch {epoch} batch {b}/{batches} loss {sinceLog / n:0.0000}{ShiftNote(shiftSinceLog / n)} ({b * objective.ClipsPerBatch / watch.Elapsed.TotalSeconds:0.0} clips/s)"));
                (sinceLog, shiftSinceLog) = (0, 0);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;

        // Where the time goes: cutting clips + log-mel (C#, one thread) versus the model step (torch threads).
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: epoch {epoch} trained in {seconds:0.0} s: batch building {building.TotalSeconds / seconds:P0}, forward/backward/step {1 - (building.TotalSeconds / seconds):P0}"));
        return new EpochMetrics(epoch, curriculum.Stage(epoch), total / batches, double.NaN, double.NaN, double.NaN, batches * objective.ClipsPerBatch / seconds, double.NaN, double.NaN, double.NaN, shiftTotal / batches);
    }

    // The shift-loss part of a progress line; nothing when the objective has none (NaN).
    private static string ShiftNote(double shiftLoss) =>
        double.IsFinite(shiftLoss) ? string.Create(CultureInfo.InvariantCulture, $" (shift {shiftLoss:0.0000})") : "";

    private void Save(AvtsModel model, TorchSharp.Modules.OptimizerHelper optimizer, int epoch, EpochMetrics row, ValidationResult result, string description, string command, ClipCache validation)
    {
        var stem = string.Create(CultureInfo.InvariantCulture, $"epoch_{epoch:000}");
        var values = new Dictionary<string, double>
        {
            ["epoch"] = epoch,
            ["stage"] = row.Stage,
            ["train_loss"] = row.Loss,
            ["val_easy_acc"] = row.ValEasyAcc,
            ["val_hard_acc"] = row.ValHardAcc,
            ["offset_acc_40ms"] = row.OffsetAcc40Ms,
            ["val_threshold"] = result.Threshold,
            ["val_pos_dist"] = row.ValPosDist,
            ["val_easy_dist"] = row.ValEasyDist,
            ["val_hard_dist"] = row.ValHardDist,
            ["clips_per_s"] = row.ClipsPerSecond,
            ["train_shift_loss"] = row.ShiftLoss,
            ["learning_rate"] = optimizer.ParamGroups.First().LearningRate,
        };

        // The card's metrics must be finite numbers for JSON.
        var finite = values.Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Checkpoint.Save(model, Path.Combine(outputFolder, stem + ".bin"), description, command, finite);
        optimizer.save_state_dict(Path.Combine(outputFolder, stem + ".optim"));
        var state = new TrainingState
        {
            Epoch = epoch,
            Weights = stem + ".bin",
            Optimizer = stem + ".optim",
            ValidationVideos = [.. validation.Videos.Select(v => v.Path)],
        };

        // Written last and atomically: a crash mid-save leaves the previous epoch resumable.
        AtomicFile.WriteAllText(StatePath(outputFolder), JsonSerializer.Serialize(state, TrainingJsonContext.Default.TrainingState));
    }

    private TrainingState ReadState()
    {
        var path = StatePath(outputFolder);
        if (!File.Exists(path))
        {
            throw new TrainingDataException($"--resume: no state.json in '{outputFolder}' (nothing to resume)");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), TrainingJsonContext.Default.TrainingState)
                ?? throw new TrainingDataException($"--resume: '{path}' is empty");
        }
        catch (JsonException ex)
        {
            throw new TrainingDataException($"--resume: '{path}' is not valid: {ex.Message}", ex);
        }
    }

    private string DescribeData(ClipCache train, ClipCache validation, int batches, TrainingObjective objective)
    {
        var c = config.Curriculum;
        var folders = string.Join(", ", config.Data.Select(f => config.DataWeights.TryGetValue(f, out var w) ? string.Create(CultureInfo.InvariantCulture, $"{f} (weight {w} per video)") : f));
        var augmentation = (config.Augment && config.ModelOptions().IsLips ? "; identity augmentation of the mouth" : "") + (config.AudioAugment ? "; audio augmentation (gain ±12 dB, spectral tilt, another video's sound mixed under at 0-20 dB SNR on half the windows)" : "");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{train.Videos.Count} training / {validation.Videos.Count} validation videos (split by video) from {folders}{augmentation}; decoded grey at width {config.DecodeWidth}; batch {config.BatchSize} x {batches} per epoch, {config.PositiveShare:P0} positives; negatives: easy = another video's audio, hard = own audio shifted {config.HardShift.MinS}-{config.HardShift.MaxS} s; curriculum {c.Mode} (easy-only epochs {c.EasyEpochs}, then hard {c.HardShare:P0}, super-hard {c.SuperHardShare:P0} of negatives); {objective.Describe()}; Adam lr {config.LearningRate}, margin {config.Margin}, seed {config.Seed}");
    }
}
