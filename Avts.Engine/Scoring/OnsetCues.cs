using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Vision;

namespace Avts.Engine.Scoring;

/// <summary>The grid signals the onset estimator correlates, computed once per input.</summary>
/// <param name="Motion">Per-frame picture features (for the frozen-picture check).</param>
/// <param name="VisualOnset">Picture onsets: rise of motion plus rise of brightness, spikes at frame PTS.</param>
/// <param name="AudioOnset">Audio onset strength: rise of the log-energy envelope.</param>
/// <param name="MouthMotion">Mouth-region motion as a continuous signal.</param>
/// <param name="SpeechEnvelope">How fast the syllable-scale log-energy envelope changes, slow trends removed.</param>
internal sealed record OnsetCues(
    FrameMotion Motion,
    GridSignal VisualOnset,
    GridSignal AudioOnset,
    GridSignal MouthMotion,
    GridSignal SpeechEnvelope)
{
    /// <summary>Width of the trend removed from the speech cue, seconds.</summary>
    private const double TrendSigmaSeconds = 0.6;

    /// <summary>Builds every cue on <paramref name="grid"/>.</summary>
    public static OnsetCues Build(FrameMotion motion, AudioTrack audio, TimeGrid grid, double audioSigmaSeconds, double speechSigmaSeconds)
    {
        var times = motion.TimestampsSeconds;
        var n = times.Length;
        var visual = new double[n];
        var mouthTimes = new double[n];
        visual[0] = double.NaN;
        mouthTimes[0] = times[0];
        for (var i = 1; i < n; i++)
        {
            // A picture event is visible from the PTS of the first frame that shows it; its size is the jump in
            // motion (something starts moving) plus the jump in brightness (a flash, a light switched on).
            var motionRise = i >= 2 ? Math.Max(0, motion.Motion[i] - motion.Motion[i - 1]) : 0;
            visual[i] = motionRise + motion.BrightnessRise[i];

            // Mouth motion measured between two frames happened during the interval between them: centre it there.
            mouthTimes[i] = 0.5 * (times[i - 1] + times[i]);
        }

        var logEnergy = AudioEnvelope.LogEnergy(audio.Samples, audio.SampleRate, audio.StartSeconds, grid, audioSigmaSeconds);
        var speechEnvelope = new GridSignal(
            Smoothing.Gaussian(logEnergy.Values, logEnergy.ValidFrom, logEnergy.ValidTo, speechSigmaSeconds / grid.Step),
            logEnergy.ValidFrom,
            logEnergy.ValidTo);

        // Seconds-long trends (talking vs pausing, a light drifting) would dominate both sides and flatten the peak.
        var trend = TrendSigmaSeconds / grid.Step;
        return new OnsetCues(
            motion,
            FrameResampler.Splat(visual, times, grid),
            AudioEnvelope.OnsetStrength(audio.Samples, audio.SampleRate, audio.StartSeconds, grid, audioSigmaSeconds),
            Smoothing.HighPass(FrameResampler.Continuous(motion.MouthMotion, mouthTimes, grid, speechSigmaSeconds), trend),
            // Mouth motion is a magnitude of change (the lips opening or closing), so it is matched with how fast
            // the sound level changes, not with the level itself: level against change would peak a quarter of a
            // syllable away from the true delay.
            Smoothing.HighPass(Smoothing.Change(speechEnvelope), trend));
    }
}
