using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// Video subnet of the lips architecture: the AVTS video stream over identity-free lip input instead of pixels. Each
/// frame is a vector (<see cref="LipClipLayout"/>): the 20 mouth landmarks in a face-aligned frame (centred on the
/// clip's mean shape, so a wide or thin mouth looks alike) and, when the layout has one, a small landmark-aligned
/// mouth crop embedded by a per-frame 2D CNN. Temporal 1D convolutions (BatchNorm, ReLU) follow the mouth over the
/// clip; features are averaged over <see cref="AvtsModelOptions.TemporalSegments"/> equal time segments, concatenated
/// and projected to an L2-normalised embedding, as the pixel subnet does. Input: [batch, values per frame, frames].
/// </summary>
public sealed class LipEncoder : Module<Tensor, Tensor>
{
    private const long ShapeWidth = 64;
    private const long CropWidth = 32;
    private const long TemporalWidth = 128;

    private readonly Sequential shape;
    private readonly Sequential? crop;
    private readonly Sequential temporal;
    private readonly AdaptiveAvgPool1d pool;
    private readonly Linear projection;
    private readonly LipClipLayout layout;

    /// <summary>Builds the subnet for <paramref name="options"/> (its <see cref="AvtsModelOptions.LipCropSize"/> decides the crop branch).</summary>
    public LipEncoder(AvtsModelOptions options)
        : base(nameof(LipEncoder))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        layout = LipClipLayout.For(options);
        shape = Sequential(
            ("conv", Conv1d(LipClipLayout.ShapeValues, ShapeWidth, kernel_size: 3, padding: 1, bias: false)),
            ("bn", BatchNorm1d(ShapeWidth)),
            ("relu", ReLU(inplace: true)));
        if (layout.CropSize > 0)
        {
            // Per frame: 2 strided 3x3 convolutions and a global average (32 px -> 8 px -> one vector).
            crop = Sequential(
                ("conv1", Conv2d(1, 16, kernel_size: 3, stride: 2, padding: 1, bias: false)),
                ("bn1", BatchNorm2d(16)),
                ("relu1", ReLU(inplace: true)),
                ("conv2", Conv2d(16, CropWidth, kernel_size: 3, stride: 2, padding: 1, bias: false)),
                ("bn2", BatchNorm2d(CropWidth)),
                ("relu2", ReLU(inplace: true)),
                ("pool", AdaptiveAvgPool2d(1)));
        }

        var joined = ShapeWidth + (crop is null ? 0 : CropWidth);
        temporal = Sequential(
            ("conv1", Conv1d(joined, TemporalWidth, kernel_size: 5, padding: 2, bias: false)),
            ("bn1", BatchNorm1d(TemporalWidth)),
            ("relu1", ReLU(inplace: true)),
            ("conv2", Conv1d(TemporalWidth, TemporalWidth, kernel_size: 5, padding: 4, dilation: 2, bias: false)),
            ("bn2", BatchNorm1d(TemporalWidth)),
            ("relu2", ReLU(inplace: true)),
            ("conv3", Conv1d(TemporalWidth, TemporalWidth, kernel_size: 3, padding: 1, bias: false)),
            ("bn3", BatchNorm1d(TemporalWidth)),
            ("relu3", ReLU(inplace: true)));
        pool = AdaptiveAvgPool1d(options.TemporalSegments);
        projection = Linear(TemporalWidth * options.TemporalSegments, options.EmbeddingDim);
        RegisterComponents();
    }

    /// <summary>Embedding [batch, dim] (L2-normalised) of lip clips [batch, values per frame, frames].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = ShapeFeatures(input.narrow(1, 0, LipClipLayout.ShapeValues));
        if (crop is not null)
        {
            // [B, S*S, T] -> [B*T, 1, S, S] -> per-frame vectors [B, C, T].
            var batch = input.shape[0];
            var frames = input.shape[2];
            var pixels = input.narrow(1, LipClipLayout.ShapeValues, layout.CropValues)
                .permute(0, 2, 1).reshape(batch * frames, 1, layout.CropSize, layout.CropSize);
            var perFrame = crop.call(pixels).reshape(batch, frames, CropWidth).permute(0, 2, 1);
            features = cat([features, perFrame], 1);
        }

        var x = pool.call(temporal.call(features)).flatten(1);
        return functional.normalize(projection.call(x), p: 2, dim: -1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The shape branch ([batch, 40, frames] → [batch, 64, frames]) with its convolution computed as one matmul over
    /// each frame's 3-frame neighbourhood, not by libtorch's conv1d. libtorch 2.10's CPU conv1d reads memory it never
    /// wrote when the input has 40 channels and the batch 4 or more (measured on an AMD EPYC with AVX-512: its
    /// convolution library pads channels to a block of 16 and leaves the padding as whatever the heap held), so after
    /// face tracking had filled the heap with pixel bytes, whole batches of embeddings came out NaN at random. The
    /// same weights, the same zero padding at the clip's ends, the same sums.
    /// </summary>
    private Tensor ShapeFeatures(Tensor mouth)
    {
        var layers = shape.named_children().ToDictionary(c => c.name, c => c.module);
        var weight = ((Conv1d)layers["conv"]).weight!;
        var (outputs, channels, taps) = (weight.shape[0], weight.shape[1], weight.shape[2]);
        var (batch, frames) = (mouth.shape[0], mouth.shape[2]);
        var neighbourhoods = functional.pad(mouth, [taps / 2, taps / 2])
            .unfold(2, taps, 1)
            .permute(0, 2, 1, 3)
            .reshape(batch, frames, channels * taps);
        var convolved = neighbourhoods.matmul(weight.reshape(outputs, channels * taps).t()).permute(0, 2, 1);
        return ((Module<Tensor, Tensor>)layers["relu"]).call(((Module<Tensor, Tensor>)layers["bn"]).call(convolved));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shape.Dispose();
            crop?.Dispose();
            temporal.Dispose();
            pool.Dispose();
            projection.Dispose();
        }

        base.Dispose(disposing);
    }
}
