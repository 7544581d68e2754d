using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;

namespace Avts.Engine.Scoring;

/// <summary>
/// The faces of a lips-architecture check: every face is followed with landmarks through the span (see
/// <see cref="LipFeatures.FromVideo"/>), the longest few are scored, and the one whose lips explain the sound best
/// (the largest summed window evidence) gives the answer. A face on screen for less than one model clip is not a
/// candidate; with no face there is nothing to sync on.
/// </summary>
/// <param name="predictor">The 68-point landmark model.</param>
/// <param name="options">The model's options (clip length, crop size).</param>
internal sealed class LipFaces(ShapePredictor predictor, AvtsModelOptions options)
{
    /// <summary>Faces scored at most per span, longest tracks first (each costs a full pass of the network).</summary>
    public const int MaxCandidates = 3;

    /// <summary>The candidate faces of <paramref name="video"/>: its longest lip tracks of at least one model clip.</summary>
    public IReadOnlyList<LipTrack> Follow(VideoTrack video, CancellationToken cancellationToken) =>
        [.. LipFeatures.FromVideo(video, predictor, cropSize: options.LipCropSize, cancellationToken: cancellationToken)
            .Where(t => t.Frames.Count >= options.ClipFrames)
            .Take(MaxCandidates)];

    /// <summary>
    /// The windows of the best-explaining face and where that face is; no face gives empty windows and null.
    /// <paramref name="followed"/> are the candidate faces when another model already followed them (its crops at
    /// least as large as this model's), else they are followed here.
    /// </summary>
    public (IReadOnlyList<ScoredWindow> Windows, FaceRegion? Face) Score(
        ClipWindowScorer scorer, IShiftScorer shifts, DecodedMedia media, IReadOnlyList<(double Start, double End)> bounds, double rangeSeconds,
        IReadOnlyList<LipTrack>? followed, CancellationToken cancellationToken)
    {
        var video = media.Video!;
        var audio = media.Audio!;
        var tracks = followed ?? Follow(video, cancellationToken);
        if (tracks.Count == 0)
        {
            return ([.. bounds.Select(b => new ScoredWindow(b.Start, b.End, null, 0, null))], null);
        }

        var scored = tracks
            .Select(track => (Track: track, Windows: (IReadOnlyList<ScoredWindow>)[.. scorer.Score(video, audio, bounds, rangeSeconds, start => LipInputs.Clip(track, start, options), shifts, cancellationToken)]))
            .ToList();
        var best = scored.MaxBy(s => s.Windows.Sum(w => w.RawScore));
        return (best.Windows, Region(best.Track, media, tracks.Count));
    }

    // The face's median box, from decoded pixels to the source's displayed picture.
    private static FaceRegion Region(LipTrack track, DecodedMedia media, int faces)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var boxes = track.Frames.Select(f => f.Face).ToList();
        var scale = media.Info.Video is { DisplayWidth: > 0 } stream ? stream.DisplayWidth / media.Video!.Width : 1;
        return new FaceRegion(
            Math.Round(Median(boxes.Select(b => (double)b.Left)) * scale, 1),
            Math.Round(Median(boxes.Select(b => (double)b.Top)) * scale, 1),
            Math.Round(Median(boxes.Select(b => (double)b.Width)) * scale, 1),
            Math.Round(Median(boxes.Select(b => (double)b.Height)) * scale, 1),
            faces);
    }
}
