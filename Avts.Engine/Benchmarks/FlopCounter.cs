using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// Counts the multiply-adds of the Conv1d, Conv2d, Conv3d and Linear layers under a module while it runs, from forward hooks
/// that see each layer's real output shape. Every output element of these layers is a dot product over one slice of
/// the weight ([in/groups, kernel...] for a convolution, [in] for Linear), so a call costs
/// (output elements / output channels) x weight elements multiply-adds; stride, padding and dilation need no special
/// case because they only change the output shape. BatchNorm, ReLU, pooling and the shift sums are left out: they are
/// a few operations per element against hundreds per element for the convolutions.
/// </summary>
internal sealed class FlopCounter : IDisposable
{
    private readonly List<nn.HookableModule<Func<nn.Module<Tensor, Tensor>, Tensor, Tensor>, Func<nn.Module<Tensor, Tensor>, Tensor, Tensor, Tensor>>.HookRemover> hooks = [];

    private FlopCounter(nn.Module root)
    {
        // TorchSharp's modules() lists the descendants only (PyTorch's includes the root).
        foreach (var module in root.modules().Prepend(root).Distinct())
        {
            if (module is Conv1d or Conv2d or Conv3d or Linear)
            {
                var layer = (nn.Module<Tensor, Tensor>)module;
                hooks.Add(layer.register_forward_hook((m, _, output) =>
                {
                    Count(m, output);
                    return output; // unchanged: the hook only observes
                }));
            }
        }
    }

    /// <summary>Multiply-adds counted since the counter was attached.</summary>
    public long MultiplyAdds { get; private set; }

    /// <summary>Starts counting every Conv1d, Conv2d, Conv3d and Linear call under <paramref name="root"/> (itself included).</summary>
    public static FlopCounter Attach(nn.Module root) => new(root);

    /// <summary>Removes the hooks.</summary>
    public void Dispose()
    {
        foreach (var hook in hooks)
        {
            hook.remove();
        }

        hooks.Clear();
    }

    private void Count(nn.Module<Tensor, Tensor> layer, Tensor output)
    {
        var (weight, channelDimension) = layer switch
        {
            Conv1d conv => (conv.weight!, 1),
            Conv2d conv => (conv.weight!, 1),
            Conv3d conv => (conv.weight!, 1),
            Linear linear => (linear.weight!, (int)output.dim() - 1),
            _ => throw new InvalidOperationException($"no multiply-add rule for {layer.GetName()}"),
        };

        // An unbatched convolution input has no batch axis: its channels come first.
        if (layer is not Linear && output.dim() == weight.dim() - 1)
        {
            channelDimension = 0;
        }

        MultiplyAdds += output.numel() / output.shape[channelDimension] * weight.numel();
    }
}
