using Avts.Engine.Media;
using Avts.Engine.Vision.Landmarks;

namespace Avts.Engine.Vision.Tracking;

/// <summary>
/// Face tracks over a whole decoded video: <see cref="FaceTracker"/> forward through the frames, then each track
/// followed backward from the frame it was detected in, with the same fit checks, so the frames before a face's first
/// detection (a turned head the frontal detector misses at the start of a clip) get their landmarks too; a face followed
/// backward stops where it meets another track's face (the same place, or one on the other's body).
/// </summary>
public static class VideoFaceTracks
{
    /// <summary>The faces of every frame of <paramref name="video"/>, largest first; ids as <see cref="FaceTracker"/> gives them.</summary>
    public static IReadOnlyList<TrackedFace>[] Track(
        VideoTrack video, ShapePredictor predictor, FaceTrackerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(video);
        using var tracker = new FaceTracker(predictor, options);
        var frames = new List<TrackedFace>[video.FrameCount];
        var starts = new Dictionary<int, (int Frame, FaceState State, int FramesSinceDetection)>();
        for (var i = 0; i < video.FrameCount; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames[i] = [.. tracker.Next(video.Frame(i), video.Width, video.Height)];
            foreach (var track in tracker.Tracks)
            {
                starts.TryAdd(track.Id, (i, track.State, track.FramesSinceDetection));
            }
        }

        foreach (var (id, (start, state, framesSinceDetection)) in starts.OrderBy(s => s.Value.Frame))
        {
            var current = state;
            for (var j = start - 1; j >= 0; j--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tracker.Follow(video.Frame(j), video.Width, video.Height, current) is not { } earlier
                    || frames[j].Any(f => Conflict(ShapeFit.Of(predictor.MeanShape, f.Landmarks.Points).Box, earlier.Fit.Box)))
                {
                    break;
                }

                frames[j].Add(new TrackedFace(id, earlier.Landmarks, earlier.Fit.Side, earlier.Fit.Residual, framesSinceDetection + start - j));
                current = earlier;
            }
        }

        return [.. frames.Select(f => (IReadOnlyList<TrackedFace>)[.. f.OrderByDescending(face => face.FaceSize)])];
    }

    private static bool Conflict(FaceBox held, FaceBox candidate) => FaceTracker.Shadows(held, candidate) || FaceTracker.Shadows(candidate, held);
}
