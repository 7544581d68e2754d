using System.Diagnostics;
using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;

namespace Avts.Training.FineTune;

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
    /// Loads <paramref name="videos"/>; <paramref name="starts"/> gets the first and last possible clip start of a
    /// video and returns the starts to cut. Returns the usable videos (in list order) and the skipped ones.
    /// </summary>
    public async Task<(List<LoadedVideo> Loaded, List<SkippedVideo> Skipped)> LoadAsync(
        IReadOnlyList<ActionVideo> videos, Func<double, double, double[]> starts, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(starts);
        var decode = new DecodeOptions { VideoWidth = decodeWidth, IncludeAudio = false };
        var loaded = new List<LoadedVideo>(videos.Count);
        var skipped = new List<SkippedVideo>();
        var watch = Stopwatch.StartNew();
        foreach (var video in videos)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? reason;
            if (!File.Exists(video.FullPath))
            {
                reason = $"file not found ({video.FullPath})";
            }
            else
            {
                try
                {
                    var media = await MediaDecoder.DecodeAsync(video.FullPath, decode, cancellationToken).ConfigureAwait(false);
                    (var clips, reason) = Cut(media.Video, starts);
                    if (clips is not null)
                    {
                        loaded.Add(new LoadedVideo(video, clips));
                    }
                }
                catch (MediaInputException ex)
                {
                    reason = OneLine(ex.Message);
                }
            }

            if (reason is not null)
            {
                skipped.Add(new SkippedVideo(video.Name, reason));
                log.WriteLine($"avts: skipping {what} video '{video.Name}': {reason}");
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

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
