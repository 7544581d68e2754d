namespace Avts.Engine.Media;

/// <summary>
/// Decoded mono PCM at the analysis sample rate. Sample <c>i</c> is presented at
/// <c>StartSeconds + i / SampleRate</c> on the container timeline (priming and pre-skip already removed).
/// </summary>
/// <param name="Samples">Mono samples in [-1, 1].</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="StartSeconds">Presentation time of the first sample, in seconds.</param>
public sealed record AudioTrack(float[] Samples, int SampleRate, double StartSeconds)
{
    /// <summary>Presentation time just after the last sample, in seconds.</summary>
    public double EndSeconds => StartSeconds + ((double)Samples.Length / SampleRate);

    /// <summary>
    /// Seconds of untrimmed encoder priming that were removed (the audio moved this much earlier), 0 when none;
    /// see <see cref="AudioStreamInfo.UntrimmedPrimingSamples"/>. Reports mention it.
    /// </summary>
    public double PrimingCorrectionSeconds { get; init; }
}
