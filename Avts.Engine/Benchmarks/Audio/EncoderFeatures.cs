using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Engine.Benchmarks.Audio;

/// <summary>
/// Frozen features of the AVTS audio subnet for a whole clip: the last convolution stage (the tiny model's 4th,
/// 128 channels; the paper's conv5 is likewise the audio subnet's last conv block), already averaged over frequency
/// by <see cref="AudioEncoder.FeatureMap"/>, then pooled over every 10 ms step of the clip by mean and by max,
/// concatenated (2 × channels values). The projection head is not used: it was trained only to compare audio with
/// video, and the conv features are what the paper transfers. Runs in eval mode on the CPU, without gradients.
/// </summary>
public sealed class EncoderFeatures : IDisposable
{
    private readonly AvtsModel model;

    private EncoderFeatures(AvtsModel model)
    {
        this.model = model;
        model.eval();
    }

    /// <summary>The model's options (its log-mel settings are the ones the features must be fed).</summary>
    public AvtsModelOptions Options => model.Options;

    /// <summary>Log-mel frames a clip needs at least: the subnet's receptive field along time.</summary>
    public int MinimumFrames => (2 * model.Audio.ContextFrames) + 1;

    /// <summary>Values per clip.</summary>
    public long Dimension => 2 * model.Audio.FeatureChannels;

    /// <summary>Describes the features, for the protocol line.</summary>
    public string Describe() =>
        $"last conv stage of the audio subnet ({model.Audio.FeatureChannels} ch, mean over frequency), mean+max over time ({Dimension}-d)";

    /// <summary>The trained subnet of a checkpoint (its card gives the architecture).</summary>
    public static EncoderFeatures FromWeights(string weightsPath)
    {
        var card = Checkpoint.ReadCard(weightsPath);
        return new EncoderFeatures(Checkpoint.Load(weightsPath, card.Options));
    }

    /// <summary>The same architecture with the default initialisation drawn from torch's generator seeded with <paramref name="seed"/>.</summary>
    public static EncoderFeatures Random(AvtsModelOptions options, long seed)
    {
        torch.random.manual_seed(seed);
        return new EncoderFeatures(AvtsModel.Create(options));
    }

    /// <summary>Features of a log-mel image [bands, frames] with at least <see cref="MinimumFrames"/> frames.</summary>
    public float[] Compute(float[,] logMel)
    {
        ArgumentNullException.ThrowIfNull(logMel);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var map = model.Audio.FeatureMap(AvtsModel.LogMelTensor(logMel));
        var pooled = torch.cat([map.mean([2]), map.amax([2])], 1);
        return pooled.to_type(torch.ScalarType.Float32).data<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
