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
/// </summary>
public static class SyncBenchmark
{
    /// <summary>
    /// Grey decode width for data folders (clip caches carry their own): the width <c>avts check</c> decodes at, so eval
    /// and calibration measure the estimator on the frames it gets in use (a face crop found on a 96-wide frame is
    /// not the crop a 320-wide one gives).
    /// </summary>
    public static int DecodeWidth { get; } = new DecodeOptions().VideoWidth;

    /// <summary>Clip starts per video.</summary>
    public const int ClipsPerVideo = 4;

    /// <summary>
    /// Evaluates <paramref name="weightsPath"/> on <paramref name="dataFolder"/>; throws <see cref="ModelCardException"/>
    /// or <see cref="TrainingDataException"/> with one line for unusable weights or data.
    /// </summary>
    public static async Task<SyncBenchmarkResult> RunAsync(string weightsPath, string dataFolder, int seed, torch.Device device, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weightsPath);
        ArgumentNullException.ThrowIfNull(dataFolder);
        var card = Checkpoint.ReadCard(weightsPath);
        var options = card.Options;
        var catalog = DataCatalog.Find([dataFolder], options, decodeWidth: null);
        var data = await ClipCache.LoadAsync(catalog, catalog.Files, options, DecodeWidth, log, cancellationToken).ConfigureAwait(false);
        var usable = data.Videos.Where(v => v.Range.CanPair).ToList();
        if (usable.Count < 2)
        {
            throw new TrainingDataException($"'{dataFolder}' gives {usable.Count} usable videos; eval needs at least two (easy negatives take another video's audio)");
        }

        var fromCard = card.Metrics.TryGetValue("val_threshold", out var t) && double.IsFinite(t) && t > 0;
        var config = new TrainingConfig
        {
            Data = [dataFolder],
            Seed = seed,
            ValidationClipsPerVideo = ClipsPerVideo,

            // SyncValidator decides at 0.5 x margin: a margin of twice the card's threshold reproduces it exactly.
            Margin = fromCard ? 2 * t : ContrastiveLoss.DefaultMargin,
        };
        torch.random.manual_seed(seed);
        using var model = Checkpoint.Load(weightsPath, options, device);
        var validator = new SyncValidator(usable, options, config, device);
        var result = validator.Evaluate(model);
        return new SyncBenchmarkResult
        {
            Weights = weightsPath,
            Data = dataFolder,
            Clips = usable.Count,
            Pairs = validator.Pairs.Count,
            Seed = seed,
            ThresholdSource = fromCard ? "model card val_threshold" : "0.5 x default margin",
            Result = result,
        };
    }
}
