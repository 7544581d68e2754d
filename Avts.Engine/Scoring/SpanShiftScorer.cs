using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Engine.Scoring;

/// <summary>An <see cref="IShiftScorer"/> that hands each clip its own audio span (<see cref="ClipScorer"/>): the scripted scorers of the tests, and the speed benchmark's per-clip path.</summary>
/// <param name="options">The model's hop and window length.</param>
/// <param name="scorer">Scores one clip against consecutive shifts of its span.</param>
internal sealed class SpanShiftScorer(AvtsModelOptions options, ClipScorer scorer) : IShiftScorer
{
    /// <inheritdoc />
    public double[] Score(float[] clip, AudioTrack audio, long firstSample, int shiftCount)
    {
        var span = audio.Samples.AsSpan((int)firstSample, ((shiftCount - 1) * options.HopLength) + options.AudioWindowSamples).ToArray();
        return scorer(clip, span, shiftCount);
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
