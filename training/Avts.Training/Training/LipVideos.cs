using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;
using Avts.Engine.Vision.Tracking;

namespace Avts.Training.Training;

/// <summary>
/// Training videos for a lips model: each is decoded wide enough for landmarks (<see cref="FaceScale"/>), its faces
/// are followed (<see cref="LipFeatures.FromVideo"/>) and the longest face's lip track is kept with the audio; the
/// frames themselves are dropped unless asked for (calibration scores through the estimator, which tracks faces
/// itself), since a thousand GRID clips at 360 px would not fit in memory. Clips are drawn only where the face is
/// followed without a gap. Tracks are stored under a cache folder, so later runs skip the tracking.
/// </summary>
internal static class LipVideos
{
    /// <summary>Share of a video's frames the kept face must have landmarks in.</summary>
    public const double MinFaceShare = 0.8;

    /// <summary>Loads <paramref name="file"/>; a null video comes with the reason it cannot be used.</summary>
    public static async Task<(CachedVideo? Video, string? Reason)> LoadAsync(
        string file, AvtsModelOptions options, string? cacheFolder, bool keepPixels, CancellationToken cancellationToken)
    {
        var cachePath = cacheFolder is null ? null : LipTrackFile.PathFor(cacheFolder, file, options.LipCropSize);
        var cached = cachePath is null || keepPixels ? null : LipTrackFile.Read(cachePath, file);
        VideoTrack video;
        AudioTrack? audio;
        LipTrack? track;
        if (cached is not null)
        {
            audio = (await MediaDecoder.DecodeAsync(file, new DecodeOptions { IncludeVideo = false, AudioSampleRate = options.SampleRate }, cancellationToken)
                .ConfigureAwait(false)).Audio;
            video = TimesOnly(cached.FrameTimes);
            track = cached.Track;
        }
        else
        {
            var width = await FaceScale.FindDecodeWidthAsync(file, cancellationToken).ConfigureAwait(false) ?? FaceScale.ProbeWidth;
            var media = await MediaDecoder.DecodeAsync(file, new DecodeOptions { VideoWidth = width, AudioSampleRate = options.SampleRate, Deblock = true }, cancellationToken)
                .ConfigureAwait(false);
            if (media.Video is not { FrameCount: > 1 } frames)
            {
                return (null, "no video frames");
            }

            var predictor = LandmarkModels.Load(ShapePredictor.DefaultModelPath);
            var tracks = LipFeatures.FromVideo(frames, predictor, cropSize: options.LipCropSize, cancellationToken: cancellationToken);
            track = tracks.Count > 0 ? tracks[0] : null;
            audio = media.Audio;
            if (cachePath is not null)
            {
                LipTrackFile.Write(cachePath, file, new LipTrackFile.Content(frames.TimestampsSeconds, track, width));
            }

            video = keepPixels ? frames : TimesOnly(frames.TimestampsSeconds);
        }

        if (audio is not { Samples.Length: > 0 })
        {
            return (null, "no audio");
        }

        var share = track is null ? 0 : (double)track.Frames.Count / Math.Max(1, video.FrameCount);
        if (track is null || share < MinFaceShare)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"a face with landmarks in {share:P0} of the frames (needs {MinFaceShare:P0})"));
        }

        var range = FacedRange(ClipCache.RangeOf(video, audio, options), track, options);
        return range.CanPair
            ? (new CachedVideo(file, video, audio, range) { Lips = track }, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"no {options.WindowSeconds:0.###} s stretch with the face followed throughout"));
    }

    /// <summary>
    /// <paramref name="range"/> narrowed to the longest stretch in which the face is followed without a gap longer
    /// than <see cref="LipInputs.MaxHoldSeconds"/>, so every clip drawn there has the face in every frame.
    /// </summary>
    public static SamplingRange FacedRange(SamplingRange range, LipTrack track, AvtsModelOptions options)
    {
        var times = track.Frames.Select(f => f.TimestampSeconds).ToArray();
        if (times.Length == 0)
        {
            return range with { ClipMax = range.ClipMin - 1 };
        }

        var frame = times.Length > 1 ? (times[^1] - times[0]) / (times.Length - 1) : 1.0 / options.FrameRate;
        int bestStart = 0, bestEnd = 0, start = 0;
        for (var i = 1; i <= times.Length; i++)
        {
            if (i == times.Length || times[i] - times[i - 1] > LipInputs.MaxHoldSeconds)
            {
                if (times[i - 1] - times[start] > times[bestEnd] - times[bestStart])
                {
                    (bestStart, bestEnd) = (start, i - 1);
                }

                start = i;
            }
        }

        return range with
        {
            ClipMin = Math.Max(range.ClipMin, times[bestStart]),
            ClipMax = Math.Min(range.ClipMax, times[bestEnd] + frame - options.WindowSeconds),
        };
    }

    // A track of frame times only: what a lips model needs of the picture once the lip track is taken.
    private static VideoTrack TimesOnly(double[] times) => new(1, 1, new byte[times.Length], times);
}
