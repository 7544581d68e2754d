using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// Hadsell-style contrastive loss of AVTS on embedding distances: E = 1/N Σ ( y·d² + (1 − y)·max(margin − d, 0)² ),
/// y = 1 for in-sync pairs (pulled together), y = 0 for negatives (pushed beyond the margin).
/// </summary>
public sealed class ContrastiveLoss : Module<Tensor, Tensor, Tensor>
{
    /// <summary>The margin recalled from the paper; embeddings are unit vectors, so distances lie in [0, 2].</summary>
    public const double DefaultMargin = 0.99;

    /// <summary>Creates the loss with <paramref name="margin"/>.</summary>
    public ContrastiveLoss(double margin = DefaultMargin)
        : base(nameof(ContrastiveLoss))
    {
        if (!(margin > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), "The contrastive margin must be positive.");
        }

        Margin = margin;
    }

    /// <summary>Distance beyond which negatives cost nothing.</summary>
    public double Margin { get; }

    /// <summary>Mean loss (scalar) of distances [N] with labels [N] (1 = in sync, 0 = not).</summary>
    public override Tensor forward(Tensor distances, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var y = labels.to_type(distances.dtype);
        var positive = y * distances.square();
        var negative = (1 - y) * (Margin - distances).clamp_min(0).square();
        return (positive + negative).mean().MoveToOuterDisposeScope();
    }
}
