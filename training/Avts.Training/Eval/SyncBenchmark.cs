using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Training;
using TorchSharp;

namespace Avts.Training.Eval;

/// <summary>
/// The AVTS sync-accuracy protocol on held-out data, reusing <see cref="SyncValidator"/> so eval and training report
/// the same numbers: per video and clip start a positive (own audio in sync), an easy negative (another video's audio)
/// and a hard negative (own audio shifted 0.5-2.9 s); in sync when distance &lt; threshold. The threshold is the
/// card's <c>val_threshold</c> (the one training validated with) when present, else the validator's 0.5 x margin, so
/// it is never tuned on the evaluated data. Offset accuracy: argmin over 10 ms shifts within ±40 ms of 0.
/// The data is decoded once (<see cref="LoadAsync"/>) and can then be scored with several seeds and models.
/// </summary>
public sealed class SyncBenchmark
{
    /// <summary>Clip starts per video.</summary>
    public const int ClipsPerVideo = 4;

    private readonly ModelCard card;
    private readonly IReadOnlyList<CachedVideo> videos;

    private SyncBenchmark(string weightsPath, string dataFolder, ModelCard card, IReadOnlyList<CachedVideo> videos)
    {
        WeightsPath = weightsPath;
        DataFolder = dataFolder;
        this.card = card;
        this.videos = videos;
    }

    /// <summary>
    /// Grey decode width for data folders (clip caches carry their own): the width <c>avts check</c> decodes at, so eval
    /// and calibration measure the estimator on the frames it gets in use (a face crop found on a 96-wide frame is
    /// not the crop a 320-wide one gives).
    /// </summary>
    public static int DecodeWidth { get; } = new DecodeOptions().VideoWidth;

    /// <summary>The checkpoint evaluated.</summary>
    public string WeightsPath { get; }

    /// <summary>The held-out folder or clip cache.</summary>
    public string DataFolder { get; }

    /// <summary>Usable videos in the data.</summary>
    public int VideoCount => videos.Count;

    /// <summary>
    /// Evaluates <paramref name="weightsPath"/> on <paramref name="dataFolder"/> with one seed; throws
    /// <see cref="ModelCardException"/> or <see cref="TrainingDataException"/> with one line for unusable weights or data.
    /// </summary>
    public static async Task<SyncBenchmarkResult> RunAsync(string weightsPath, string dataFolder, int seed, torch.Device device, TextWriter log, CancellationToken cancellationToken)
    {
        var benchmark = await LoadAsync(weightsPath, dataFolder, log, cancellationToken).ConfigureAwait(false);
        return benchmark.Evaluate(seed, untrained: false, device);
    }

    /// <summary>Reads the card of <paramref name="weightsPath"/> and decodes <paramref name="dataFolder"/> for it, once.</summary>
    public static async Task<SyncBenchmark> LoadAsync(string weightsPath, string dataFolder, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weightsPath);
        ArgumentNullException.ThrowIfNull(dataFolder);
        var card = Checkpoint.ReadCard(weightsPath);
        var catalog = DataCatalog.Find([dataFolder], card.Options, decodeWidth: null);
        var data = await ClipCache.LoadAsync(catalog, catalog.Files, card.Options, DecodeWidth, log, cancellationToken).ConfigureAwait(false);
        var usable = data.Videos.Where(v => v.Range.CanPair).ToList();
        if (usable.Count < 2)
        {
            throw new TrainingDataException($"'{dataFolder}' gives {usable.Count} usable videos; eval needs at least two (easy negatives take another video's audio)");
        }

        return new SyncBenchmark(weightsPath, dataFolder, card, usable);
    }

    /// <summary>
    /// Scores the pairs of <paramref name="seed"/> with the checkpoint, or, when <paramref name="untrained"/>, with the
    /// same architecture freshly initialised from the seed (the chance baseline, at 0.5 x the default margin).
    /// </summary>
    public SyncBenchmarkResult Evaluate(int seed, bool untrained, torch.Device device)
    {
        double? cardThreshold = !untrained && card.Metrics.TryGetValue("val_threshold", out var t) && double.IsFinite(t) && t > 0 ? t : null;
        var fromCard = cardThreshold is not null;
        var config = new TrainingConfig
        {
            Data = [DataFolder],
            Seed = seed,
            ValidationClipsPerVideo = ClipsPerVideo,

            // SyncValidator decides at 0.5 x margin: a margin of twice the card's threshold reproduces it exactly.
            Margin = cardThreshold is { } threshold ? 2 * threshold : ContrastiveLoss.DefaultMargin,
        };
        torch.random.manual_seed(seed);
        using var model = untrained ? AvtsModel.Create(card.Options, device) : Checkpoint.Load(WeightsPath, card.Options, device);
        var validator = new SyncValidator(videos, card.Options, config, device);
        var result = validator.Evaluate(model);
        return new SyncBenchmarkResult
        {
            Weights = untrained ? $"untrained {card.Options.Architecture} (seed {seed})" : WeightsPath,
            Data = DataFolder,
            Clips = videos.Count,
            Pairs = validator.Pairs.Count,
            Seed = seed,
            ThresholdSource = fromCard ? "model card val_threshold" : "0.5 x default margin",
            Result = result,
        };
    }
}
