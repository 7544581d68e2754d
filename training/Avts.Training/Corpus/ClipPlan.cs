namespace Avts.Training.Corpus;

/// <summary>
/// Everything needed to render one clip, drawn from the corpus seed before any rendering: the same seed and index
/// always give the same plan, whatever the clip count, so a corpus can be grown or resumed.
/// </summary>
public sealed record ClipPlan
{
    /// <summary>Position of the clip in the corpus (names the files).</summary>
    public required int Index { get; init; }

    /// <summary>Seed for the clip's content (scene layout, sounds, nuisances).</summary>
    public required int Seed { get; init; }

    /// <summary>Scenario.</summary>
    public required ClipKind Kind { get; init; }

    /// <summary>Frame rate numerator (30000 for 29.97 fps).</summary>
    public required int FpsNumerator { get; init; }

    /// <summary>Frame rate denominator (1001 for 29.97 fps).</summary>
    public required int FpsDenominator { get; init; }

    /// <summary>Audio sample rate in Hz.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Frame width in pixels (even).</summary>
    public required int Width { get; init; }

    /// <summary>Frame height in pixels (even).</summary>
    public required int Height { get; init; }

    /// <summary>Requested clip length in seconds; the real length is <see cref="FrameCount"/> frames.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Standard deviation of the white noise added to the audio (full scale 1).</summary>
    public double AudioNoise { get; init; }

    /// <summary>Standard deviation of the Gaussian noise added to each picture, in 8-bit levels.</summary>
    public double PictureNoise { get; init; }

    /// <summary>Gaussian blur sigma in pixels (0 = sharp).</summary>
    public double BlurSigma { get; init; }

    /// <summary>x264 constant rate factor: higher means blockier, "JPEG-ish" pictures.</summary>
    public int Crf { get; init; } = 23;

    /// <summary>Number of drifting background shapes (clutter).</summary>
    public int ClutterCount { get; init; }

    /// <summary>Uniform draw in [0, 1) that picks the speech file for an avatar clip when a speech folder is given.</summary>
    public double SpeechFileDraw { get; init; }

    /// <summary>Uniform draw in [0, 1) that picks where in the speech file the segment starts.</summary>
    public double SpeechOffsetDraw { get; init; }

    /// <summary>Frames per second as a number.</summary>
    public double Fps => (double)FpsNumerator / FpsDenominator;

    /// <summary>Number of frames: the requested duration rounded down to whole frames (at least one).</summary>
    public int FrameCount => Math.Max(1, (int)Math.Floor(DurationSeconds * FpsNumerator / FpsDenominator + 1e-9));

    /// <summary>Number of audio samples: exactly the video's length (frame count times frame duration).</summary>
    public int SampleCount => SampleOf(FrameCount);

    /// <summary>File name of the clip inside the corpus folder.</summary>
    public string FileName => $"clip_{Index:D6}.mp4";

    /// <summary>
    /// The audio sample presented at the same time as frame <paramref name="frame"/> (PTS = frame x den / num s),
    /// rounded to the nearest sample, computed in integers so that no frame drifts.
    /// </summary>
    public int SampleOf(int frame) =>
        (int)(((2L * frame * FpsDenominator * SampleRate) + FpsNumerator) / (2L * FpsNumerator));

    /// <summary>Presentation time of frame <paramref name="frame"/> in seconds.</summary>
    public double TimeOf(int frame) => (double)frame * FpsDenominator / FpsNumerator;
}
