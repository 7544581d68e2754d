using System.Collections.Concurrent;
using Avts.Engine.Media;
using OpenCvSharp;

namespace Avts.Engine.Vision;

/// <summary>Computes <see cref="FrameMotion"/> for a whole video track with OpenCV.</summary>
internal static class MotionExtractor
{
    /// <summary>Seconds between frames handed to the face detector.</summary>
    private const double FaceSampleSeconds = 2.0;

    /// <summary>Most frames handed to the face detector per clip (bounds the cost on long inputs).</summary>
    private const int MaxFaceSamples = 12;

    /// <summary>How many nearby detections are combined (median) into the mouth region of a frame.</summary>
    private const int DetectionsPerRegion = 3;

    /// <summary>
    /// Motion, mouth motion, brightness rise and cell change of every frame. <paramref name="faces"/> may be null (no face search:
    /// mouth motion is whole-frame motion).
    /// </summary>
    public static FrameMotion Extract(VideoTrack video, FaceLocator? faces, CancellationToken cancellationToken)
    {
        var n = video.FrameCount;
        var motion = new double[n];
        var mouth = new double[n];
        var rise = new double[n];
        var cells = new double[n];
        if (n > 0)
        {
            motion[0] = mouth[0] = rise[0] = cells[0] = double.NaN;
        }

        if (n < 2)
        {
            return new FrameMotion(video.TimestampsSeconds, motion, mouth, rise, cells, FaceFound: false);
        }

        int w = video.Width, h = video.Height;

        // For the face search: one header over all frames stacked vertically; each frame is a row band of it (no copies).
        using var all = faces is null ? null : Mat.FromPixelData(n * h, w, MatType.CV_8UC1, video.Pixels);
        var regions = faces is null ? null : MouthRegions(all!, video, faces, cancellationToken);
        // Frame pairs are independent: measured on every core in blocks, then the brightness rise in order.
        var frameSize = w * h;
        var pairs = new FramePairStats[n];
        Parallel.ForEach(
            Partitioner.Create(1, n, 64),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            block =>
            {
                var pixels = video.Pixels.AsSpan();
                for (var i = block.Item1; i < block.Item2; i++)
                {
                    pairs[i] = FrameDifference.Measure(
                        pixels.Slice((i - 1) * frameSize, frameSize), pixels.Slice(i * frameSize, frameSize), w, h, regions?[i]);
                }
            });

        var previousMean = FrameDifference.Mean(video.Pixels.AsSpan(0, frameSize));
        for (var i = 1; i < n; i++)
        {
            var stats = pairs[i];
            rise[i] = Math.Max(0, stats.CurrentMean - previousMean);
            previousMean = stats.CurrentMean;
            (cells[i], motion[i]) = (stats.LargestCell, stats.Whole);
            mouth[i] = regions?[i] is null ? motion[i] : stats.Region;
        }

        return new FrameMotion(video.TimestampsSeconds, motion, mouth, rise, cells, regions is not null);
    }

    /// <summary>
    /// Mouth region of every frame from detections on sampled frames: each frame takes the median of the nearest
    /// <see cref="DetectionsPerRegion"/> successful detections. Null when fewer than half the samples found a face.
    /// </summary>
    private static Rect?[]? MouthRegions(Mat all, VideoTrack video, FaceLocator faces, CancellationToken cancellationToken)
    {
        var n = video.FrameCount;
        int w = video.Width, h = video.Height;
        var duration = video.TimestampsSeconds[^1] - video.TimestampsSeconds[0];
        var samples = Math.Clamp((int)Math.Ceiling(duration / FaceSampleSeconds), 3, MaxFaceSamples);
        var found = new List<(int Frame, Rect Face)>();
        for (var s = 0; s < samples; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = (int)((s + 0.5) * n / samples);
            using var frame = all.SubMat(new Rect(0, index * h, w, h));
            if (faces.DetectLargestFace(frame, w, h) is { } face)
            {
                found.Add((index, face));
            }
        }

        if (found.Count * 2 < samples)
        {
            return null;
        }

        var regions = new Rect?[n];
        var nearest = new List<Rect>(DetectionsPerRegion);
        for (var i = 0; i < n; i++)
        {
            nearest.Clear();
            nearest.AddRange(found.OrderBy(f => Math.Abs(f.Frame - i)).Take(DetectionsPerRegion).Select(f => f.Face));
            regions[i] = FaceLocator.MouthRegion(FaceLocator.Median(nearest), w, h);
        }

        return regions;
    }
}
