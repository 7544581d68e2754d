using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// ResNet basic block in 3D: two convolutions (3x3x3, or 1x3x3 for the "2D" layers of MC3) with BatchNorm, a
/// residual connection (1x1x1 convolution + BatchNorm when the shape changes) and ReLU. Spatial stride only: MC3
/// never downsamples time, which keeps a per-frame time axis for the temporal segments.
/// </summary>
internal sealed class VideoBlock : Module<Tensor, Tensor>
{
    private readonly Conv3d conv1;
    private readonly BatchNorm3d bn1;
    private readonly ReLU relu1;
    private readonly Conv3d conv2;
    private readonly BatchNorm3d bn2;
    private readonly Sequential? downsample;
    private readonly ReLU relu2;

    /// <summary>Builds one block; <paramref name="temporal"/> picks 3x3x3 (true) or 1x3x3 (false) kernels.</summary>
    public VideoBlock(long inChannels, long outChannels, long spatialStride, bool temporal)
        : base(nameof(VideoBlock))
    {
        var kt = temporal ? 3L : 1L;
        var pt = temporal ? 1L : 0L;
        conv1 = Conv3d(inChannels, outChannels, kernel_size: (kt, 3, 3), stride: (1, spatialStride, spatialStride), padding: (pt, 1, 1), bias: false);
        bn1 = BatchNorm3d(outChannels);
        relu1 = ReLU(inplace: true);
        conv2 = Conv3d(outChannels, outChannels, kernel_size: (kt, 3, 3), stride: (1, 1, 1), padding: (pt, 1, 1), bias: false);
        bn2 = BatchNorm3d(outChannels);
        if (spatialStride != 1 || inChannels != outChannels)
        {
            downsample = Sequential(
                ("conv", Conv3d(inChannels, outChannels, kernel_size: (1, 1, 1), stride: (1, spatialStride, spatialStride), bias: false)),
                ("bn", BatchNorm3d(outChannels)));
        }

        relu2 = ReLU(inplace: true);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu1.call(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        var identity = downsample is null ? input : downsample.call(input);
        return relu2.call(x + identity).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            relu1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
            downsample?.Dispose();
            relu2.Dispose();
        }

        base.Dispose(disposing);
    }
}
