using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// Multi-way objective over audio shifts: for each clip, the distances [shifts] to its audio at every candidate shift
/// become logits −d²/τ, and the loss is the cross-entropy against the true shift (one-hot, or a Gaussian of
/// <see cref="LabelSigmaShifts"/> shifts around it). Where the contrastive loss asks "same video or not", this asks
/// "which of these shifts", so it is the signal that teaches the offset.
/// </summary>
public sealed class ShiftLoss : Module<Tensor, Tensor, Tensor>
{
    /// <summary>Default temperature τ: distances lie in [0, 2], so d² spans 0..4 and −d²/0.1 spans 40 nats.</summary>
    public const double DefaultTemperature = 0.1;

    /// <summary>Creates the loss with temperature <paramref name="temperature"/> and a soft-label width in shifts (0 = one-hot).</summary>
    public ShiftLoss(double temperature = DefaultTemperature, double labelSigmaShifts = 0)
        : base(nameof(ShiftLoss))
    {
        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), "The shift-loss temperature must be positive.");
        }

        if (!(labelSigmaShifts >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSigmaShifts), "The label width must be zero (one-hot) or positive.");
        }

        Temperature = temperature;
        LabelSigmaShifts = labelSigmaShifts;
    }

    /// <summary>Temperature τ of the logits −d²/τ.</summary>
    public double Temperature { get; }

    /// <summary>Standard deviation of the Gaussian soft target, in shifts (0 = one-hot on the true shift).</summary>
    public double LabelSigmaShifts { get; }

    /// <summary>
    /// Mean cross-entropy (scalar) of distances [batch, shifts] against the true shift indices [batch] (integers).
    /// </summary>
    public override Tensor forward(Tensor distances, Tensor trueShifts)
    {
        using var scope = NewDisposeScope();
        if (distances.dim() != 2 || trueShifts.dim() != 1 || trueShifts.shape[0] != distances.shape[0])
        {
            throw new ArgumentException("The shift loss takes distances [batch, shifts] and true shift indices [batch].");
        }

        var logProbabilities = functional.log_softmax(-distances.square() / Temperature, 1);
        var target = Target(distances.shape[1], trueShifts, logProbabilities.dtype, logProbabilities.device);
        return (-(target * logProbabilities).sum(1)).mean().MoveToOuterDisposeScope();
    }

    /// <summary>Target distribution [batch, shifts]: one-hot, or a normalised Gaussian around each true shift.</summary>
    private Tensor Target(long shiftCount, Tensor trueShifts, ScalarType dtype, Device device)
    {
        var positions = arange(shiftCount, dtype: dtype, device: device).unsqueeze(0);
        var offsets = positions - trueShifts.to_type(dtype).unsqueeze(1);
        if (LabelSigmaShifts == 0)
        {
            return offsets.eq(0).to_type(dtype);
        }

        var weights = (-offsets.square() / (2 * LabelSigmaShifts * LabelSigmaShifts)).exp();
        return weights / weights.sum(1, keepdim: true);
    }
}
