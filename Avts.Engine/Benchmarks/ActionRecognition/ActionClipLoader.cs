using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// Decodes each listed video once (grey frames, no audio: many UCF101 and HMDB51 videos have none), cuts its clips at
/// the starts a chooser picks (centre square of the whole frame, whatever crop the model's card names) and keeps only
/// the packed clips. Missing, undecodable or too short videos are skipped with a reason on the log.
/// </summary>
public sealed class ActionClipLoader(AvtsModelOptions options, int decodeWidth, TextWriter log)
{
    // Keeps starts clear of the frame-time rounding in AvtsInputs.
    private const double EdgeMarginSeconds = 0.002;

    /// <summary>
    /// Loads <paramref name="videos"/>, a few at a time (one ffmpeg per core, up to 8); <paramref name="starts"/> gets a
    /// video's index in the list and its first and last possible clip start, and returns the starts to cut. Returns
    /// the usable videos and the skipped ones, both in list order (so the result does not depend on timing).
    /// </summary>
    public async Task<(List<LoadedVideo> Loaded, List<SkippedVideo> Skipped)> LoadAsync(
        IReadOnlyList<ActionVideo> videos, Func<int, double, double, double[]> starts, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(starts);
        var decode = new DecodeOptions { VideoWidth = decodeWidth, IncludeAudio = false };
        var results = new (LoadedVideo? Loaded, string? Reason)[videos.Count];
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 8), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, videos.Count), parallel, async (index, ct) =>
        {
            var video = videos[index];
            if (!File.Exists(video.FullPath))
            {
                results[index] = (null, $"file not found ({video.FullPath})");
                return;
            }

            try
            {
                var media = await MediaDecoder.DecodeAsync(video.FullPath, decode, ct).ConfigureAwait(false);
                var (clips, reason) = Cut(media.Video, (first, last) => starts(index, first, last));
                results[index] = (clips is null ? null : new LoadedVideo(video, clips), reason);
            }
            catch (MediaInputException ex)
            {
                results[index] = (null, MessageText.OneLine(ex.Message));
            }
        }).ConfigureAwait(false);

        var loaded = results.Where(r => r.Loaded is not null).Select(r => r.Loaded!).ToList();
        var skipped = new List<SkippedVideo>();
        for (var i = 0; i < videos.Count; i++)
        {
            if (results[i].Reason is { } reason)
            {
                skipped.Add(new SkippedVideo(videos[i].Name, reason));
                log.WriteLine($"avts: skipping {what} video '{videos[i].Name}': {reason}");
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts: {what}: {loaded.Count} videos, {loaded.Sum(v => v.Clips.Count)} clips ({skipped.Count} skipped) decoded in {watch.Elapsed.TotalSeconds:0.0} s"));
        return (loaded, skipped);
    }

    private (List<byte[]>? Clips, string? Reason) Cut(VideoTrack? track, Func<double, double, double[]> starts)
    {
        if (track is not { FrameCount: > 1 })
        {
            return (null, "no video frames");
        }

        var first = track.StartSeconds + EdgeMarginSeconds;
        var last = track.EndSeconds - options.WindowSeconds - EdgeMarginSeconds;
        if (last < first)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"shorter ({track.EndSeconds - track.StartSeconds:0.00} s) than a {options.WindowSeconds:0.##} s clip"));
        }

        var clips = new List<byte[]>();
        foreach (var start in starts(first, last))
        {
            // Region null = the centred square: action recognition needs the whole scene, not a mouth crop.
            var clip = AvtsInputs.VideoClip(track, start, options, region: null);
            if (clip is null)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"no clip at {start:0.00} s"));
            }

            clips.Add(ClipCodec.Pack(clip, options));
        }

        return (clips, null);
    }
}
