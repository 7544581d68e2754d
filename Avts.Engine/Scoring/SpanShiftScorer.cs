using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Engine.Scoring;

/// <summary>An <see cref="IShiftScorer"/> that hands each clip its own audio span (<see cref="ClipScorer"/>): the scripted scorers of the tests, and the speed benchmark's per-clip path.</summary>
/// <param name="options">The model's hop and window length.</param>
/// <param name="scorer">Scores one clip against consecutive shifts of its span.</param>
internal sealed class SpanShiftScorer(AvtsModelOptions options, ClipScorer scorer) : IShiftScorer
{
    /// <inheritdoc />
    public double[][] Score(IReadOnlyList<ShiftRequest> requests, AudioTrack audio) => [.. requests.Select(request =>
    {
        var span = audio.Samples.AsSpan((int)request.FirstSample, ((request.ShiftCount - 1) * options.HopLength) + options.AudioWindowSamples).ToArray();
        return scorer(request.Clip, span, request.ShiftCount);
    })];

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
