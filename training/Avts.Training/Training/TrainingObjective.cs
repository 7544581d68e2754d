using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Model;
using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>
/// The configured training objective (<c>loss</c>) for one batch: the contrastive loss on pairs from
/// <see cref="PairSampler"/>, the multi-way <see cref="ShiftLoss"/> on clips from <see cref="ShiftBatch"/>, or their
/// sum with the shift part weighted by <c>shift_loss.weight</c>. Pairs are drawn before shift clips from the same
/// seeded <see cref="Random"/>, so "contrastive" draws exactly the batches it drew before the shift loss existed.
/// </summary>
public sealed class TrainingObjective : IDisposable
{
    private readonly TrainingConfig config;
    private readonly ContrastiveLoss? contrastive;
    private readonly PairSampler? sampler;
    private readonly PairBatch? pairs;
    private readonly ShiftLoss? shift;
    private readonly ShiftBatch? shiftClips;
    private readonly double stepMs;

    /// <summary>Builds the objective of <paramref name="config"/> over the training <paramref name="videos"/>.</summary>
    public TrainingObjective(TrainingConfig config, IReadOnlyList<CachedVideo> videos, AvtsModelOptions options, Device device)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(options);
        this.config = config;
        stepMs = 1000 * ShiftSpan.StepSeconds(options);
        var weights = config.VideoWeights([.. videos.Select(v => v.Path)]);
        if (LossMode.UsesContrastive(config.Loss))
        {
            contrastive = new ContrastiveLoss(config.Margin);
            sampler = new PairSampler(videos.Select(v => v.Range).ToArray(), config.HardShift, config.SuperHardShift, config.PositiveShare, weights);
            pairs = new PairBatch(videos, options, device) { AugmentAudio = config.AudioAugment };
        }

        if (LossMode.UsesShift(config.Loss))
        {
            shiftClips = new ShiftBatch(videos, options, config.ShiftLoss.RangeS, device, weights) { AugmentAudio = config.AudioAugment };
            var sigmaShifts = config.ShiftLoss.LabelSigmaMs / stepMs;
            shift = new ShiftLoss(config.ShiftLoss.Temperature, sigmaShifts);
        }
    }

    /// <summary>Clips the model sees per batch (contrastive pairs plus shift-loss clips).</summary>
    public int ClipsPerBatch => (sampler is null ? 0 : config.BatchSize) + (shiftClips is null ? 0 : config.ShiftClipsPerBatch());

    /// <summary>Whether the objective has a shift-loss part.</summary>
    public bool HasShiftLoss => shift is not null;

    /// <summary>One batch: draws from <paramref name="random"/>, builds the inputs and returns the loss of <paramref name="model"/> on them.</summary>
    public ObjectiveStep Step(AvtsModel model, Random random, double hardShare, double superHardShare)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(random);
        var building = TimeSpan.Zero;
        Tensor? total = null;
        if (sampler is not null)
        {
            var started = Stopwatch.GetTimestamp();
            var (video, audio, labels) = pairs!.Build(sampler.Batch(random, config.BatchSize, hardShare, superHardShare), config.Augment ? random : null);
            building += Stopwatch.GetElapsedTime(started);
            total = contrastive!.call(model.call(video, audio), labels);
        }

        Tensor? shiftPart = null;
        if (shiftClips is not null)
        {
            var started = Stopwatch.GetTimestamp();
            var (video, span, trueShifts) = shiftClips.Build(shiftClips.Draw(random, config.ShiftClipsPerBatch()), config.Augment ? random : null);
            building += Stopwatch.GetElapsedTime(started);
            shiftPart = shift!.call(model.ShiftDistances(video, span, 0, shiftClips.ShiftCount), trueShifts);
            total = total is null ? shiftPart : total + (config.ShiftLoss.Weight * shiftPart);
        }

        return new ObjectiveStep(total!, shiftPart, building);
    }

    /// <summary>The objective in words, for the model card.</summary>
    public string Describe()
    {
        var s = config.ShiftLoss;
        var shiftText = shiftClips is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"multi-way shift loss (cross-entropy of -d²/{s.Temperature} over the {shiftClips.ShiftCount} shifts in ±{shiftClips.ReachSeconds:0.###} s at {stepMs:0.##} ms, true shift 0, label sigma {s.LabelSigmaMs} ms) on {config.ShiftClipsPerBatch()} extra clips per batch");
        return config.Loss switch
        {
            LossMode.ContrastiveAndShiftName => string.Create(CultureInfo.InvariantCulture, $"loss {config.Loss}: contrastive + {s.Weight} x {shiftText}"),
            LossMode.ShiftName => $"loss {config.Loss}: {shiftText} only",
            _ => $"loss {config.Loss}",
        };
    }

    /// <summary>Releases the loss modules.</summary>
    public void Dispose()
    {
        contrastive?.Dispose();
        shift?.Dispose();
    }
}
