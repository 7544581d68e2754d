using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Avts.Engine.Model;

/// <summary>
/// The AVTS two-stream network: (video clips [batch, channels, frames, height, width], or lip clips [batch, values per
/// frame, frames] for the lips architecture; audio windows [batch, 1, mel, window + 2·context]) → L2 distance [batch]
/// between the normalised embeddings; small = in sync.
/// For the offset search, <see cref="ShiftDistances"/> embeds the video once and the audio span once, then pools
/// every shift from the audio feature map.
/// </summary>
public sealed class AvtsModel : Module<Tensor, Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> video;
    private readonly AudioEncoder audio;

    /// <summary>Builds an untrained model on the CPU (see <see cref="Create"/>).</summary>
    public AvtsModel(AvtsModelOptions options)
        : base(nameof(AvtsModel))
    {
        options.Validate();
        Options = options;
        video = options.IsLips ? new LipEncoder(options) : new VideoEncoder(options);
        audio = new AudioEncoder(options);
        RegisterComponents();
    }

    /// <summary>Architecture and preprocessing the model was built for.</summary>
    public AvtsModelOptions Options { get; }

    /// <summary>The pixel video subnet (action recognition fine-tunes it); the lips architecture has none.</summary>
    /// <exception cref="InvalidOperationException">The model reads lip input, not pixels.</exception>
    public VideoEncoder Video => video as VideoEncoder
        ?? throw new InvalidOperationException("This AVTS model reads lip input; it has no pixel video subnet to fine-tune.");

    /// <summary>The video subnet, whichever input it reads (pixels or lip input): timing and FLOP counting hook it.</summary>
    public Module<Tensor, Tensor> VideoSubnet => video;

    /// <summary>The audio subnet.</summary>
    public AudioEncoder Audio => audio;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Builds a model for <paramref name="options"/> and moves it to <paramref name="device"/> (CPU when null).</summary>
    public static AvtsModel Create(AvtsModelOptions options, Device? device = null)
    {
        var model = new AvtsModel(options);
        if (device is not null && device.type != DeviceType.CPU)
        {
            model.to(device);
        }

        return model;
    }

    /// <summary>
    /// Resolves a <c>--device</c> value: "cpu", "cuda" (fails when CUDA is unavailable) or "auto" (CUDA when
    /// available, else CPU). Case-insensitive.
    /// </summary>
    public static Device ResolveDevice(string name)
    {
        switch (name.Trim().ToUpperInvariant())
        {
            case "CPU":
                return CPU;
            case "CUDA":
                if (!cuda.is_available())
                {
                    throw new ArgumentException("Device 'cuda' was requested but CUDA is not available (CPU build of libtorch or no GPU); use --device cpu or auto.");
                }

                return CUDA;
            case "AUTO":
                return cuda.is_available() ? CUDA : CPU;
            default:
                throw new ArgumentException($"Unknown device '{name}': use cpu, cuda or auto.");
        }
    }

    /// <summary>L2 distance [batch] between the video and audio embeddings of aligned pairs.</summary>
    public override Tensor forward(Tensor videoClips, Tensor audioWindows)
    {
        using var scope = NewDisposeScope();
        return Distance(video.call(videoClips), audio.call(audioWindows)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Distances [batch, shifts] between each clip and the audio windows starting at feature frames
    /// <paramref name="firstStart"/> … <paramref name="firstStart"/> + <paramref name="shiftCount"/> − 1 of the span
    /// <paramref name="audioSpan"/> [batch, 1, mel, time]. Feature frame f of the span is centred on log-mel frame
    /// f + context, i.e. the window starting there pairs with a clip starting at that frame's first sample.
    /// </summary>
    public Tensor ShiftDistances(Tensor videoClips, Tensor audioSpan, long firstStart, long shiftCount)
    {
        using var scope = NewDisposeScope();
        return ShiftDistancesFromMap(videoClips, audio.FeatureMap(audioSpan), firstStart, shiftCount).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// As <see cref="ShiftDistances"/> from an audio feature map computed once (<see cref="AudioEncoder.FeatureMap"/>
    /// of a long span): many clips of one input then share one audio pass, whose unpadded time convolutions give each
    /// clip exactly the features its own span would.
    /// </summary>
    public Tensor ShiftDistancesFromMap(Tensor videoClips, Tensor audioMap, long firstStart, long shiftCount)
    {
        using var scope = NewDisposeScope();
        return EmbeddingShiftDistances(video.call(videoClips), audioMap, firstStart, shiftCount).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// As <see cref="ShiftDistancesFromMap"/> for clips already embedded (<see cref="VideoSubnet"/>, [batch, dim]):
    /// many clips embedded in one batch, each then paired with the shifts of its own span.
    /// </summary>
    public Tensor EmbeddingShiftDistances(Tensor videoEmbeddings, Tensor audioMap, long firstStart, long shiftCount)
    {
        using var scope = NewDisposeScope();
        var audioEmbeddings = audio.PoolShifts(audioMap, firstStart, shiftCount, Options.AudioWindowFrames);
        return Distance(videoEmbeddings.unsqueeze(1), audioEmbeddings).MoveToOuterDisposeScope();
    }

    /// <summary>Log-mel image [mel, frames] as a [1, 1, mel, frames] float tensor on <paramref name="device"/>.</summary>
    internal static Tensor LogMelTensor(float[,] logMel, Device? device = null)
    {
        // Block copy: building a tensor from a float[,] element by element is slow (tens of ms per 5 s span).
        var flat = new float[logMel.Length];
        Buffer.BlockCopy(logMel, 0, flat, 0, flat.Length * sizeof(float));
        var t = tensor(flat, [1, 1, logMel.GetLength(0), logMel.GetLength(1)]);
        return device is null || device.type == DeviceType.CPU ? t : t.to(device);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            video.Dispose();
            audio.Dispose();
        }

        base.Dispose(disposing);
    }

    // The epsilon keeps the gradient of sqrt finite for identical embeddings.
    private static Tensor Distance(Tensor a, Tensor b) => (a - b).square().sum(-1).add(1e-12).sqrt();
}
