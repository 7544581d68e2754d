using Avts.Engine.Dsp;
using Avts.Engine.Media;

namespace Avts.Engine.Scoring;

/// <summary>
/// The thresholds every estimator applies before it commits to a delay, kept in one place so "silent", "frozen" and
/// "confident enough" mean the same thing whichever method is asked.
/// </summary>
public static class SyncGate
{
    /// <summary>Overall confidence needed to report a delay.</summary>
    public const double MinimumConfidence = 0.2;

    /// <summary>Audio quieter than this RMS (-60 dBFS) counts as silence.</summary>
    public const double SilenceRms = 1e-3;

    /// <summary>
    /// Largest frame-to-frame mean grey difference within a cell of the picture (<c>FrameChange</c>) below which the
    /// picture counts as frozen or black.
    /// </summary>
    public const double FrozenMotion = 0.5;

    /// <summary>Whether <paramref name="audio"/> is silent over [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public static bool IsSilent(AudioTrack audio, double start, double end) =>
        AudioEnvelope.Rms(audio.Samples, audio.SampleRate, audio.StartSeconds, start, end) < SilenceRms;

    /// <summary>Whether the largest frame-to-frame cell change of a span says the picture is frozen or black.</summary>
    public static bool IsFrozen(double maxMotion) => maxMotion < FrozenMotion;
}
