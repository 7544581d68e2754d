using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// Audio subnet: a 2D CNN over the log-mel image [batch, 1, mel, time] that is fully convolutional along time. Each
/// stage is 3x3 convolutions (frequency padded, time unpadded and dilated 1, 2, 4, 8 per stage) + BatchNorm + ReLU,
/// then a max-pool over frequency only; the last stage is averaged over frequency. The time axis is never strided, so
/// one pass over a long span gives a feature per 10 ms hop and the embedding of any window is a pooling of a slice of
/// that map (<see cref="PoolWindow"/>, <see cref="PoolShifts"/>) followed by the shared projection. Unpadded time
/// convolutions make the pooled slice of a long span equal the embedding of the cut window (with its context frames),
/// because no feature ever sees padding.
/// </summary>
public sealed class AudioEncoder : Module<Tensor, Tensor>
{
    private readonly Sequential stages;
    private readonly Linear projection;
    private readonly int segments;
    private readonly int windowFrames;
    private readonly long[] stageWidths;
    private readonly int convsPerStage;

    /// <summary>Builds the subnet for <paramref name="options"/> (widths and depth follow the architecture name).</summary>
    public AudioEncoder(AvtsModelOptions options)
        : base(nameof(AudioEncoder))
    {
        options.Validate();
        var (widths, convs) = Layout(options.Architecture);
        stageWidths = widths;
        convsPerStage = convs;
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        long inChannels = 1;
        for (var s = 0; s < widths.Length; s++)
        {
            long dilation = 1L << s;
            for (var c = 0; c < convs; c++)
            {
                var name = $"s{s}c{c}";
                layers.Add(($"{name}_conv", Conv2d(inChannels, widths[s], kernel_size: (3, 3), stride: (1, 1), padding: (1, 0), dilation: (1, dilation), bias: false)));
                layers.Add(($"{name}_bn", BatchNorm2d(widths[s])));
                layers.Add(($"{name}_relu", ReLU(inplace: true)));
                inChannels = widths[s];
            }

            if (s < widths.Length - 1)
            {
                layers.Add(($"s{s}_pool", MaxPool2d(kernel_size: (2, 1), stride: (2, 1))));
            }
        }

        stages = Sequential(layers);
        FeatureChannels = inChannels;
        segments = options.TemporalSegments;
        windowFrames = options.AudioWindowFrames;
        ContextFrames = ContextFramesFor(options);
        projection = Linear(FeatureChannels * segments, options.EmbeddingDim);
        RegisterComponents();
    }

    /// <summary>Channels of the feature map (before the projection).</summary>
    public long FeatureChannels { get; }

    /// <summary>Log-mel frames consumed on each side of the output: the map is 2·this shorter than its input.</summary>
    public int ContextFrames { get; }

    /// <summary>Context frames per side for an architecture: the sum of the time dilations of all convolutions.</summary>
    public static int ContextFramesFor(AvtsModelOptions options)
    {
        var (widths, convsPerStage) = Layout(options.Architecture);
        return ((1 << widths.Length) - 1) * convsPerStage;
    }

    /// <summary>Embedding [batch, dim] of whole windows [batch, 1, mel, windowFrames + 2·context] (L2-normalised).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var map = FeatureMap(input);
        if (map.shape[2] != windowFrames)
        {
            throw new ArgumentException($"Audio window must have {windowFrames + (2 * ContextFrames)} log-mel frames, got {input.shape[^1]}.");
        }

        return PoolWindow(map, 0, windowFrames).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Per-hop features [batch, channels, time − 2·context] of a log-mel span [batch, 1, mel, time] (or
    /// [batch, mel, time]). Feature t covers log-mel frames [t, t + 2·context].
    /// </summary>
    public Tensor FeatureMap(Tensor logMel)
    {
        using var scope = NewDisposeScope();
        var x = logMel.dim() == 3 ? logMel.unsqueeze(1) : logMel;
        if (x.shape[^1] <= 2 * ContextFrames)
        {
            throw new ArgumentException($"Audio span must be longer than {2 * ContextFrames} log-mel frames, got {x.shape[^1]}.");
        }

        var features = stages.call(x).mean([2]);
        return features.MoveToOuterDisposeScope();
    }

    /// <summary>Convolution stages (the last one feeds <see cref="FeatureMap"/>).</summary>
    public int StageCount => stageWidths.Length;

    /// <summary>Channels of stage <paramref name="stage"/> (1-based).</summary>
    public long StageChannels(int stage) => stageWidths[CheckStage(stage) - 1];

    /// <summary>
    /// Like <see cref="FeatureMap"/> but the output of stage <paramref name="stage"/> (1-based, before that stage's
    /// frequency pooling), averaged over frequency: [batch, channels, time − 2·(that stage's context)]. For probing
    /// what each depth has learnt (the frozen-feature benchmarks); the sync path uses only the last stage.
    /// </summary>
    public Tensor StageMap(Tensor logMel, int stage)
    {
        using var scope = NewDisposeScope();
        return StageMaps(logMel, stage)[^1].MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="StageMap"/> of every stage from 1 to <paramref name="upTo"/>, in stage order, from one pass through
    /// the layers (each stage's output is taken on the way to the next).
    /// </summary>
    public Tensor[] StageMaps(Tensor logMel, int upTo)
    {
        CheckStage(upTo);
        using var scope = NewDisposeScope();
        var x = logMel.dim() == 3 ? logMel.unsqueeze(1) : logMel;
        var maps = new List<Tensor>(upTo);
        foreach (var (name, layer) in stages.named_children())
        {
            x = ((Module<Tensor, Tensor>)layer).call(x);
            if (name == $"s{maps.Count}c{convsPerStage - 1}_relu")
            {
                maps.Add(x.mean([2]).MoveToOuterDisposeScope());
                if (maps.Count == upTo)
                {
                    break;
                }
            }
        }

        return [.. maps];
    }

    /// <summary>Embedding [batch, dim] of the window of <paramref name="frameCount"/> features from <paramref name="startFrame"/>.</summary>
    public Tensor PoolWindow(Tensor featureMap, long startFrame, long frameCount)
    {
        using var scope = NewDisposeScope();
        RequireWindow(frameCount);
        var slice = featureMap.narrow(2, startFrame, frameCount);
        var pooled = slice.reshape(slice.shape[0], slice.shape[1], segments, frameCount / segments).mean([3]);
        return Project(pooled.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Embeddings [batch, shifts, dim] of the windows starting at <paramref name="firstStart"/>,
    /// <paramref name="firstStart"/> + 1, … (<paramref name="shiftCount"/> of them, <paramref name="frameCount"/>
    /// features each). One cumulative sum serves every shift, so each shift costs a subtraction and the projection.
    /// </summary>
    public Tensor PoolShifts(Tensor featureMap, long firstStart, long shiftCount, long frameCount)
    {
        using var scope = NewDisposeScope();
        RequireWindow(frameCount);
        if (firstStart < 0 || firstStart + shiftCount - 1 + frameCount > featureMap.shape[2])
        {
            throw new ArgumentException("The shifted windows run past the feature map.");
        }

        // Double precision keeps the running sum from losing the small differences between neighbouring shifts. The
        // sum runs over the shifted windows' own frames only: over a whole input's map (a check maps its audio once)
        // every clip would pay for the whole input.
        var frames = featureMap.narrow(2, firstStart, shiftCount - 1 + frameCount);
        var sums = functional.pad(frames.to_type(ScalarType.Float64).cumsum(2), [1, 0]);
        var segmentLength = frameCount / segments;
        var parts = new Tensor[segments];
        for (var k = 0; k < segments; k++)
        {
            var from = k * segmentLength;
            var upper = sums.narrow(2, from + segmentLength, shiftCount);
            var lower = sums.narrow(2, from, shiftCount);
            parts[k] = (upper - lower) / segmentLength;
        }

        // [batch, channels, segments, shifts] -> [batch, shifts, channels·segments], channel-major like PoolWindow.
        var pooled = stack(parts, 2).to_type(featureMap.dtype).permute(0, 3, 1, 2);
        var flat = pooled.reshape(pooled.shape[0], shiftCount, -1);
        return Project(flat).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stages.Dispose();
            projection.Dispose();
        }

        base.Dispose(disposing);
    }

    private int CheckStage(int stage) => stage >= 1 && stage <= stageWidths.Length
        ? stage
        : throw new ArgumentOutOfRangeException(nameof(stage), $"stage must be 1-{stageWidths.Length}, got {stage}.");

    private Tensor Project(Tensor pooled) => functional.normalize(projection.call(pooled), p: 2, dim: -1);

    private void RequireWindow(long frameCount)
    {
        if (frameCount <= 0 || frameCount % segments != 0)
        {
            throw new ArgumentException($"The window length ({frameCount} frames) must be a positive multiple of the {segments} temporal segments.");
        }
    }

    /// <summary>Stage widths and convolutions per stage of an architecture.</summary>
    internal static (long[] Widths, int ConvsPerStage) Layout(string architecture) => architecture switch
    {
        AvtsModelOptions.Mc318Architecture => ([64, 128, 256, 512], 2),
        AvtsModelOptions.NanoArchitecture => ([8, 16, 32, 64], 1),
        _ => ([16, 32, 64, 128], 1),
    };
}
