using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// Video subnet of the MC3 family ("A Closer Look at Spatiotemporal Convolutions"): a 3D stem (3xkxk, spatial
/// stride 2), a first residual layer of 3x3x3 convolutions, then three layers of 1x3x3 ("2D") convolutions with
/// spatial stride 2, BatchNorm and ReLU throughout. mc3-18 is the ResNet-18 layout ([2,2,2,2] blocks, widths
/// 64/128/256/512, 3x7x7 stem); tiny has one block per layer, widths 16/32/64/128, a 3x5x5 stem and a spatially
/// strided layer1 (64x64 input → 32, 16, 8, 4, 2 pixels). Features are
/// averaged over space and over <see cref="AvtsModelOptions.TemporalSegments"/> equal time segments, concatenated
/// and projected to an L2-normalised embedding. Input: [batch, channels, frames, height, width].
/// </summary>
public sealed class VideoEncoder : Module<Tensor, Tensor>
{
    private readonly Conv3d stem;
    private readonly BatchNorm3d stemBn;
    private readonly ReLU stemRelu;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool3d pool;
    private readonly Linear projection;

    /// <summary>Builds the subnet for <paramref name="options"/> (widths and depth follow the architecture name).</summary>
    public VideoEncoder(AvtsModelOptions options)
        : base(nameof(VideoEncoder))
    {
        options.Validate();
        var (stemKernel, layer1Stride, blocks, widths) = Layout(options.Architecture);
        stem = Conv3d(options.VideoChannels, widths[0], kernel_size: (3, stemKernel, stemKernel), stride: (1, 2, 2), padding: (1, stemKernel / 2, stemKernel / 2), bias: false);
        stemBn = BatchNorm3d(widths[0]);
        stemRelu = ReLU(inplace: true);
        layer1 = Layer(widths[0], widths[0], blocks[0], layer1Stride, temporal: true);
        layer2 = Layer(widths[0], widths[1], blocks[1], 2, temporal: false);
        layer3 = Layer(widths[1], widths[2], blocks[2], 2, temporal: false);
        layer4 = Layer(widths[2], widths[3], blocks[3], 2, temporal: false);
        pool = AdaptiveAvgPool3d((options.TemporalSegments, 1, 1));
        projection = Linear(widths[3] * options.TemporalSegments, options.EmbeddingDim);
        RegisterComponents();
    }

    /// <summary>Width of <see cref="Features"/>: last layer width x temporal segments (640 for tiny).</summary>
    public long FeatureDim => projection.weight!.shape[1];

    /// <summary>Embedding [batch, dim] (L2-normalised) of clips [batch, channels, frames, height, width].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return functional.normalize(projection.call(Features(input)), p: 2, dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The pooled features [batch, <see cref="FeatureDim"/>] before the projection: what a classifier head fine-tuned
    /// on the video subnet reads (action recognition), since the projection was shaped for the sync distance only.
    /// </summary>
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = stemRelu.call(stemBn.call(stem.call(input)));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        return pool.call(x).flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stem.Dispose();
            stemBn.Dispose();
            stemRelu.Dispose();
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            layer4.Dispose();
            pool.Dispose();
            projection.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Stem kernel, spatial stride of layer1, blocks per layer and layer widths of an architecture. Tiny strides
    /// layer1 spatially: unstrided, its full-resolution 3x3x3 convolutions made the tiny video net cost about 55 ms per
    /// 1 s grey 64x64 clip on 2 CPU cores instead of about 10 ms (best of 19 runs, scripts/model-timing.cs).
    /// </summary>
    internal static (long StemKernel, long Layer1Stride, int[] Blocks, long[] Widths) Layout(string architecture) => architecture switch
    {
        AvtsModelOptions.Mc318Architecture => (7, 1, [2, 2, 2, 2], [64, 128, 256, 512]),
        _ => (5, 2, [1, 1, 1, 1], [16, 32, 64, 128]),
    };

    private static Sequential Layer(long inChannels, long outChannels, int blocks, long stride, bool temporal)
    {
        var list = new List<(string, Module<Tensor, Tensor>)>();
        for (var b = 0; b < blocks; b++)
        {
            list.Add(($"block{b}", new VideoBlock(b == 0 ? inChannels : outChannels, outChannels, b == 0 ? stride : 1, temporal)));
        }

        return Sequential(list);
    }
}
