using System.Globalization;

namespace Avts.Engine.Model;

/// <summary>
/// Architecture and every preprocessing parameter of the AVTS two-stream network. The whole record goes into the
/// model card next to the weights, and <see cref="Checkpoint.Load"/> refuses weights whose card disagrees with the
/// requested options, because a model fed with other preprocessing than it was trained on fails silently.
/// </summary>
/// <remarks>
/// Time convention: a video clip of <see cref="ClipFrames"/> frames starting at time t0 is paired with the
/// <see cref="AudioWindowFrames"/> log-mel frames whose first sample lies in [t0, t0 + clip duration); mel frame k
/// covers samples [k·hop, k·hop + win). Because the audio subnet uses unpadded (valid) convolutions along time, it
/// also reads <see cref="AudioContextFrames"/> frames on each side of that window (see <see cref="AudioWindowSamples"/>).
/// Training and inference share this convention, so its fixed sub-frame lean (half a window minus half a hop, 7.5 ms
/// with the defaults) is learned, not reported as an offset.
/// </remarks>
public sealed record AvtsModelOptions
{
    /// <summary>Name of the small CPU-real-time variant.</summary>
    public const string TinyArchitecture = "tiny";

    /// <summary>
    /// Name of the smallest variant, sized for one 1 s window in 10 ms on two CPU cores: tiny's video subnet on 32 px
    /// mouth crops and an audio subnet of half tiny's widths.
    /// </summary>
    public const string NanoArchitecture = "nano";

    /// <summary>
    /// Name of the lip-input variant: the video stream reads identity-free lip input (mouth landmarks in a face-aligned
    /// frame, optionally a landmark-aligned mouth crop; see <see cref="LipEncoder"/>) instead of pixels; tiny's audio subnet.
    /// </summary>
    public const string LipsArchitecture = "lips";

    /// <summary>Name of the MC3-18 (mixed 3D/2D ResNet-18) variant of the paper.</summary>
    public const string Mc318Architecture = "mc3-18";

    /// <summary><see cref="VideoCrop"/> value: the largest centred square of the frame.</summary>
    public const string CentreCrop = "centre";

    /// <summary><see cref="VideoCrop"/> value: a square on the mouth of the largest frontal face.</summary>
    public const string FaceCrop = "face";

    /// <summary>"nano", "tiny" (the default of a bare record), "lips" or "mc3-18": picks the layer widths and depths of both subnets.</summary>
    public string Architecture { get; init; } = TinyArchitecture;

    /// <summary>Video frame rate the clips are resampled to (frames per second).</summary>
    public int FrameRate { get; init; } = 25;

    /// <summary>Frames per video clip; 25 at 25 fps is a 1 s window.</summary>
    public int ClipFrames { get; init; } = 25;

    /// <summary>Side of the square input frames in pixels (64 for tiny, 112 for mc3-18).</summary>
    public int InputSize { get; init; } = 64;

    /// <summary>Colour channels of the frames: 1 (grey, luma) or 3 (RGB).</summary>
    public int VideoChannels { get; init; } = 1;

    /// <summary>
    /// Where clips are cut from a frame: <see cref="CentreCrop"/> (the largest centred square) or
    /// <see cref="FaceCrop"/> (a square on the mouth of the largest detected face, the centred square where none is found).
    /// </summary>
    public string VideoCrop
    {
        get => videoCrop;

        // Cards written before this option existed lack it; the JSON source generator then passes null, meaning centre.
        init => videoCrop = value ?? CentreCrop;
    }

    private readonly string videoCrop = CentreCrop;

    /// <summary>
    /// Lips architecture: side of the landmark-aligned grey mouth crop each frame carries besides the mouth shape;
    /// 0 = the mouth shape only. Other architectures ignore it.
    /// </summary>
    public int LipCropSize { get; init; }

    /// <summary>Whether the video stream reads lip input (<see cref="LipsArchitecture"/>) rather than pixels.</summary>
    public bool IsLips => Architecture == LipsArchitecture;

    /// <summary>Pixel normalisation: pixel/255 minus this mean, divided by <see cref="PixelStd"/>.</summary>
    public float PixelMean { get; init; } = 0.5f;

    /// <summary>Pixel normalisation divisor (see <see cref="PixelMean"/>).</summary>
    public float PixelStd { get; init; } = 0.25f;

    /// <summary>Audio sample rate in Hz (mono).</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>FFT size of the spectrogram (a power of two).</summary>
    public int FftSize { get; init; } = 512;

    /// <summary>Hop between spectrogram frames in samples (160 = 10 ms, the shift step of the search).</summary>
    public int HopLength { get; init; } = 160;

    /// <summary>Analysis window length in samples (periodic Hann, 400 = 25 ms), zero-padded to <see cref="FftSize"/>.</summary>
    public int WindowLength { get; init; } = 400;

    /// <summary>Number of mel bands (HTK mel scale, unnormalised triangles).</summary>
    public int MelBins { get; init; } = 40;

    /// <summary>Lowest edge of the mel filterbank in Hz.</summary>
    public float MelMinHz { get; init; }

    /// <summary>Highest edge of the mel filterbank in Hz (at most half the sample rate).</summary>
    public float MelMaxHz { get; init; } = 8000f;

    /// <summary>Added to the mel power before the natural log, so silence stays finite.</summary>
    public float LogOffset { get; init; } = 1e-6f;

    /// <summary>Dimension of the L2-normalised embeddings of both subnets.</summary>
    public int EmbeddingDim { get; init; } = 128;

    /// <summary>
    /// Both subnets pool their features into this many equal time segments and project the concatenation, so the
    /// embedding keeps the order of events inside the window (a single global average would be nearly blind to
    /// small shifts). Must divide <see cref="ClipFrames"/> and <see cref="AudioWindowFrames"/>.
    /// </summary>
    public int TemporalSegments { get; init; } = 5;

    /// <summary>The tiny variant: 25 grey 64x64 frames, 40 mel bands, 128-d embedding.</summary>
    public static AvtsModelOptions Tiny { get; } = new();

    /// <summary>The nano variant: 25 grey 32x32 mouth crops (face crop), 40 mel bands, 128-d embedding.</summary>
    public static AvtsModelOptions Nano { get; } = new() { Architecture = NanoArchitecture, InputSize = 32, VideoCrop = FaceCrop };

    /// <summary>The lips variant: 25 frames of face-aligned mouth shape, no crop; 40 mel bands, 128-d embedding.</summary>
    public static AvtsModelOptions Lips { get; } = new() { Architecture = LipsArchitecture, InputSize = 32 };

    /// <summary>The MC3-18 variant: 25 RGB 112x112 frames, 40 mel bands, 128-d embedding.</summary>
    public static AvtsModelOptions Mc318 { get; } = new() { Architecture = Mc318Architecture, InputSize = 112, VideoChannels = 3 };

    /// <summary>Values in one video clip: pixels of every frame, or lip values of every frame (<see cref="LipClipLayout"/>).</summary>
    public int VideoClipValues => IsLips
        ? LipClipLayout.For(this).ValuesPerFrame * ClipFrames
        : VideoChannels * ClipFrames * InputSize * InputSize;

    /// <summary>The tensor shape of <paramref name="batch"/> video clips: [B, C, T, H, W], or [B, values per frame, T] for lips.</summary>
    public long[] VideoClipShape(long batch) => IsLips
        ? [batch, LipClipLayout.For(this).ValuesPerFrame, ClipFrames]
        : [batch, VideoChannels, ClipFrames, InputSize, InputSize];

    /// <summary>Log-mel frames (= feature frames = 10 ms shift steps with the defaults) in one window.</summary>
    public int AudioWindowFrames => (int)((long)ClipFrames * SampleRate / ((long)FrameRate * HopLength));

    /// <summary>Duration of one window in seconds.</summary>
    public double WindowSeconds => (double)ClipFrames / FrameRate;

    /// <summary>
    /// Extra log-mel frames the audio subnet reads on each side of a window (its valid convolutions shorten the time
    /// axis by twice this); fixed by the architecture.
    /// </summary>
    public int AudioContextFrames => AudioEncoder.ContextFramesFor(this);

    /// <summary>
    /// PCM samples needed for one window: <see cref="AudioWindowFrames"/> + 2·<see cref="AudioContextFrames"/> mel
    /// frames. They start <see cref="AudioContextFrames"/> hops before the clip's start time.
    /// </summary>
    public int AudioWindowSamples => ((AudioWindowFrames + (2 * AudioContextFrames) - 1) * HopLength) + WindowLength;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line message when the options are inconsistent.</summary>
    public void Validate()
    {
        Require(IsKnownArchitecture(Architecture), $"architecture must be \"{NanoArchitecture}\", \"{TinyArchitecture}\", \"{LipsArchitecture}\" or \"{Mc318Architecture}\", not \"{Architecture}\"");
        Require(LipCropSize == 0 || (LipCropSize is >= 16 and <= 64 && LipCropSize % 4 == 0), "the lip crop size must be 0 or a multiple of 4 from 16 to 64");
        Require(FrameRate > 0 && ClipFrames > 0 && InputSize >= 16, "frame rate, clip frames must be positive and the input size at least 16");
        Require(VideoChannels is 1 or 3, "video channels must be 1 (grey) or 3 (RGB)");
        Require(VideoCrop is CentreCrop or FaceCrop, $"video crop must be \"{CentreCrop}\" or \"{FaceCrop}\", not \"{VideoCrop}\"");
        Require(PixelStd > 0, "pixel std must be positive");
        Require(SampleRate > 0 && HopLength > 0 && WindowLength > 0, "sample rate, hop and window must be positive");
        Require(FftSize >= WindowLength && (FftSize & (FftSize - 1)) == 0, "the FFT size must be a power of two no smaller than the window");
        Require(MelBins >= 8 && MelMinHz >= 0 && MelMaxHz > MelMinHz && MelMaxHz <= SampleRate / 2f, "mel bands need at least 8 bins and 0 <= min < max <= Nyquist");
        Require((long)ClipFrames * SampleRate % ((long)FrameRate * HopLength) == 0, "the clip duration must be a whole number of audio hops");
        Require(TemporalSegments > 0 && ClipFrames % TemporalSegments == 0 && AudioWindowFrames % TemporalSegments == 0, "the temporal segments must divide the clip frames and the audio window frames");
        Require(EmbeddingDim > 0 && LogOffset > 0, "embedding dim and log offset must be positive");
    }

    /// <summary>Whether <paramref name="architecture"/> names one of the built-in variants.</summary>
    public static bool IsKnownArchitecture(string? architecture) => architecture is NanoArchitecture or TinyArchitecture or LipsArchitecture or Mc318Architecture;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid AVTS model options: {message}."));
        }
    }
}
