using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Frozen features of the AVTS audio subnet for a whole clip: by default the last convolution stage (the tiny model's
/// 4th, 128 channels; the paper's conv5 is likewise the audio subnet's last conv block), or an earlier stage when
/// asked, averaged over frequency (<see cref="AudioEncoder.StageMap"/>), then pooled over every 10 ms step of the
/// clip by mean and by max, concatenated (2 × channels values). The projection head is not used: it was trained only to compare audio with
/// video, and the conv features are what the paper transfers. Runs in eval mode on the CPU, without gradients.
/// </summary>
public sealed class EncoderFeatures : IDisposable
{
    private readonly AvtsModel model;
    private readonly int stage;

    private EncoderFeatures(AvtsModel model, int? stage)
    {
        this.model = model;
        this.stage = stage ?? model.Audio.StageCount;
        if (this.stage < 1 || this.stage > model.Audio.StageCount)
        {
            model.Dispose();
            throw new ModelCardException($"--layer: the {model.Options.Architecture} audio subnet has stages 1-{model.Audio.StageCount}, not {stage}.");
        }

        model.eval();
    }

    /// <summary>The model's options (its log-mel settings are the ones the features must be fed).</summary>
    public AvtsModelOptions Options => model.Options;

    /// <summary>Log-mel frames a clip needs at least: the subnet's receptive field along time.</summary>
    public int MinimumFrames => (2 * model.Audio.ContextFrames) + 1;

    /// <summary>Values per clip.</summary>
    public long Dimension => 2 * model.Audio.StageChannels(stage);

    /// <summary>Describes the features, for the protocol line.</summary>
    public string Describe() =>
        $"{(stage == model.Audio.StageCount ? "last conv stage" : "conv stage")} {stage} of {model.Audio.StageCount} of the audio subnet ({model.Audio.StageChannels(stage)} ch, mean over frequency), mean+max over time ({Dimension}-d)";

    /// <summary>The trained subnet of a checkpoint (its card gives the architecture); <paramref name="stage"/> null = the last.</summary>
    public static EncoderFeatures FromWeights(string weightsPath, int? stage = null)
    {
        var card = Checkpoint.ReadCard(weightsPath);
        return new EncoderFeatures(Checkpoint.Load(weightsPath, card.Options), stage);
    }

    /// <summary>The same architecture with the default initialisation drawn from torch's generator seeded with <paramref name="seed"/>.</summary>
    public static EncoderFeatures Random(AvtsModelOptions options, long seed, int? stage = null)
    {
        torch.random.manual_seed(seed);
        return new EncoderFeatures(AvtsModel.Create(options), stage);
    }

    /// <summary>Convolution stages of the subnet (valid values of a stage: 1 to this).</summary>
    public int StageCount => model.Audio.StageCount;

    /// <summary>Describes the features when the stage is chosen per fold, for the protocol line.</summary>
    public string DescribeChosen() =>
        $"conv stage of the audio subnet chosen per test fold by the inner CV (stages {StageCount}-1, mean over frequency), mean+max over time";

    /// <summary>Features of a log-mel image [bands, frames] with at least <see cref="MinimumFrames"/> frames.</summary>
    public float[] Compute(float[,] logMel) => ComputeAt(logMel, stage);

    /// <summary>Features of stage <paramref name="at"/> (1-based) instead of the one this extractor was made for.</summary>
    public float[] ComputeAt(float[,] logMel, int at)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return Pool(model.Audio.StageMap(AvtsModel.LogMelTensor(logMel), at));
    }

    /// <summary>Features of every stage, from the last down to the first, from one pass through the subnet.</summary>
    public float[][] ComputeEveryStage(float[,] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return [.. model.Audio.StageMaps(AvtsModel.LogMelTensor(logMel), StageCount).Reverse().Select(Pool)];
    }

    private static float[] Pool(torch.Tensor map) =>
        torch.cat([map.mean([2]), map.amax([2])], 1).to_type(torch.ScalarType.Float32).data<float>().ToArray();

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
