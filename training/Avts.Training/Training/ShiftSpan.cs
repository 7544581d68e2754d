using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Training.Training;

/// <summary>
/// The audio span of a shift search: for a clip starting at t, the samples holding every audio window (context
/// included) at shifts firstHop … firstHop + count − 1 hops, cut with <see cref="AvtsInputs.AudioSpan"/>. Its log-mel
/// has count − 1 + window + 2·context frames, so window k of <see cref="AvtsModel.ShiftDistances"/> (first start 0)
/// is the window <see cref="AvtsInputs.AudioWindow"/> cuts at shift (firstHop + k) hops. Shared by the validation
/// offset metric and the shift loss so the two cannot disagree on where shift 0 is.
/// </summary>
public static class ShiftSpan
{
    /// <summary>One shift step (a log-mel hop) in seconds.</summary>
    public static double StepSeconds(AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (double)options.HopLength / options.SampleRate;
    }

    /// <summary>
    /// Samples of the span for the clip at <paramref name="clipStartSeconds"/> and <paramref name="shiftCount"/> shifts
    /// from <paramref name="firstHop"/> hops (negative = earlier audio), or null when the track does not cover it.
    /// </summary>
    public static float[]? Samples(AudioTrack audio, double clipStartSeconds, long firstHop, long shiftCount, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = clipStartSeconds + (firstHop * StepSeconds(options)) - AvtsInputs.ContextSeconds(options);
        var length = (((shiftCount - 1) * options.HopLength) + options.AudioWindowSamples) / (double)options.SampleRate;
        return AvtsInputs.AudioSpan(audio, from, from + length, options);
    }

    /// <summary>Log-mel frames of the span of <paramref name="shiftCount"/> shifts.</summary>
    public static int MelFrames(int shiftCount, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return shiftCount - 1 + options.AudioWindowFrames + (2 * options.AudioContextFrames);
    }
}
