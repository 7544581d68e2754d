using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Commands;

namespace Avts.Training.Training;

/// <summary>
/// Decodes every training video once (grey frames at a small width, mono audio at the model's rate) and keeps the
/// tracks in memory: AvtsInputs then cuts clips and windows by presentation time from them. 300 clips x 3 s at 96x72
/// grey are about 160 MB of frames + 60 MB of audio. Unusable files are skipped with a reason on the log.
/// </summary>
public sealed class ClipCache
{
    /// <summary>File extensions taken as videos when a data folder is scanned.</summary>
    public static readonly IReadOnlySet<string> MediaExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".mkv", ".mov", ".avi", ".webm", ".mpg", ".mpeg", ".m4v", ".ts", ".flv",
    };

    // Keeps drawn starts clear of the rounding in AvtsInputs (samples and frame times are rounded there).
    private const double EdgeMarginSeconds = 0.002;

    private ClipCache(IReadOnlyList<CachedVideo> videos) => Videos = videos;

    /// <summary>The usable videos, in the order they were given.</summary>
    public IReadOnlyList<CachedVideo> Videos { get; }

    /// <summary>Bytes held by all videos.</summary>
    public long Bytes => Videos.Sum(v => v.Bytes);

    /// <summary>Video files under <paramref name="folders"/> (recursive, sorted ordinally so runs agree); throws <see cref="TrainingDataException"/> for a missing folder.</summary>
    public static List<string> FindVideos(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var files = new List<string>();
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            if (!Directory.Exists(full))
            {
                throw new TrainingDataException($"data folder '{folder}' does not exist ({full})");
            }

            var found = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Where(f => MediaExtensions.Contains(Path.GetExtension(f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                throw new TrainingDataException($"data folder '{folder}' holds no videos ({string.Join(' ', MediaExtensions.Order(StringComparer.Ordinal))})");
            }

            files.AddRange(found);
        }

        return files;
    }

    /// <summary>Decodes <paramref name="files"/> for <paramref name="options"/>; progress and skips go to <paramref name="log"/>.</summary>
    public static Task<ClipCache> LoadAsync(IReadOnlyList<string> files, AvtsModelOptions options, int decodeWidth, TextWriter log, CancellationToken cancellationToken) =>
        LoadAsync(DataCatalog.Empty, files, options, decodeWidth, log, cancellationToken);

    /// <summary>
    /// Loads <paramref name="files"/> for <paramref name="options"/>: those <paramref name="catalog"/> has in a clip
    /// cache are read from it, the others decoded; progress and skips go to <paramref name="log"/>.
    /// </summary>
    public static async Task<ClipCache> LoadAsync(DataCatalog catalog, IReadOnlyList<string> files, AvtsModelOptions options, int decodeWidth, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.IsLips)
        {
            return await LoadLipsAsync(files, options, lipCache: null, keepPixels: false, log, cancellationToken).ConfigureAwait(false);
        }

        var decode = new DecodeOptions { VideoWidth = decodeWidth, AudioSampleRate = options.SampleRate };
        var videos = new List<CachedVideo>(files.Count);
        var skipped = 0;
        var fromCache = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? reason;
            if (catalog.ReadCached(file) is { } cached)
            {
                reason = Unusable(cached.Video, cached.Audio, options);
                if (reason is null)
                {
                    fromCache++;
                    videos.Add(Cached(file, cached.Video, cached.Audio, options));
                }
            }
            else
            {
                try
                {
                    var media = await MediaDecoder.DecodeAsync(file, decode, cancellationToken).ConfigureAwait(false);
                    reason = Unusable(media.Video, media.Audio, options);
                    if (reason is null)
                    {
                        videos.Add(Cached(file, media.Video!, media.Audio!, options));
                    }
                }
                catch (MediaInputException ex)
                {
                    reason = ex.Message;
                }
            }

            if (reason is not null)
            {
                skipped++;
                log.WriteLine($"avts-train: skipping '{file}': {TrainCli.OneLine(reason)}");
            }
        }

        var cache = new ClipCache(videos);
        var cacheNote = fromCache > 0 ? string.Create(CultureInfo.InvariantCulture, $", {fromCache} read from clip caches") : "";
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: loaded {videos.Count} videos ({skipped} skipped{cacheNote}) in {started.Elapsed.TotalSeconds:0.0} s, {cache.Bytes / 1048576.0:0.0} MiB in memory"));
        return cache;
    }

    /// <summary>
    /// Loads <paramref name="files"/> for a lips model (<see cref="LipVideos"/>), two at a time: lip tracks are read
    /// from <paramref name="lipCache"/> when there (else tracked and stored there), and the frames are kept only when
    /// <paramref name="keepPixels"/> (calibration scores through the estimator, which tracks faces itself).
    /// </summary>
    public static async Task<ClipCache> LoadLipsAsync(
        IReadOnlyList<string> files, AvtsModelOptions options, string? lipCache, bool keepPixels, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(log);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var loaded = new (CachedVideo? Video, string? Reason)[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                loaded[i] = await LipVideos.LoadAsync(files[i], options, lipCache, keepPixels, ct).ConfigureAwait(false);
            }
            catch (MediaInputException ex)
            {
                loaded[i] = (null, ex.Message);
            }
        }).ConfigureAwait(false);

        for (var i = 0; i < files.Count; i++)
        {
            if (loaded[i].Reason is { } reason)
            {
                log.WriteLine($"avts-train: skipping '{files[i]}': {TrainCli.OneLine(reason)}");
            }
        }

        var cache = new ClipCache([.. loaded.Select(l => l.Video).OfType<CachedVideo>()]);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: loaded {cache.Videos.Count} videos with their lip tracks ({files.Count - cache.Videos.Count} skipped) in {started.Elapsed.TotalSeconds:0.0} s, {cache.Bytes / 1048576.0:0.0} MiB in memory"));
        return cache;
    }

    /// <summary>Why these tracks cannot give training clips for <paramref name="options"/> (one line), or null when they can.</summary>
    public static string? Unusable(VideoTrack? video, AudioTrack? audio, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (video is not { FrameCount: > 1 })
        {
            return "no video frames";
        }

        if (audio is not { Samples.Length: > 0 })
        {
            return "no audio";
        }

        return RangeOf(video, audio, options).CanPair
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"too short for a {options.WindowSeconds:0.###} s clip with its audio window");
    }

    /// <summary>Where clips of <paramref name="options"/> and their audio windows fit in these tracks.</summary>
    public static SamplingRange RangeOf(VideoTrack video, AudioTrack audio, AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(options);
        var context = AvtsInputs.ContextSeconds(options);
        var windowSpan = (double)options.AudioWindowSamples / options.SampleRate;
        return new SamplingRange(
            video.StartSeconds + EdgeMarginSeconds,
            video.EndSeconds - options.WindowSeconds - EdgeMarginSeconds,
            audio.StartSeconds + context + EdgeMarginSeconds,
            audio.EndSeconds + context - windowSpan - EdgeMarginSeconds);
    }

    /// <summary>A usable video with its sampling range and crop region (found here, once, over the whole video).</summary>
    public static CachedVideo Cached(string path, VideoTrack video, AudioTrack audio, AvtsModelOptions options) =>
        new(path, video, audio, RangeOf(video, audio, options)) { Crop = AvtsInputs.CropFor(video, video.StartSeconds, video.EndSeconds + 1e-6, options) };

    /// <summary>A cache over already decoded videos (tests, subsets).</summary>
    public static ClipCache From(IReadOnlyList<CachedVideo> videos) => new(videos);
}
