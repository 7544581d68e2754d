using System.Diagnostics;
using System.Globalization;
using System.Text;
using Avts.Engine.Media;
using Avts.Training.Training;

namespace Avts.Training.Index;

/// <summary>
/// Builds or continues a clip cache: every video file of the input folder is decoded once with
/// <see cref="MediaDecoder"/> (PTS-aligned grey frames and mono audio), reduced to the model's square and appended
/// to the data file. Each append is fsynced before the manifest (rewritten atomically) mentions it, and a rerun cuts
/// the data file back to the manifest's committed length, so an interrupted run resumes cleanly; sources already
/// indexed or skipped with the same path, size and mtime are not decoded again. Unusable sources are skipped with a
/// one-line reason, never ending the run.
/// </summary>
public sealed class CorpusIndexer
{
    // Rewriting the manifest after every clip is O(n²) bytes on big corpora; once a second is enough, since the data
    // file is cut back to the manifest on resume and at most a second of decoding is redone.
    private static readonly TimeSpan ManifestInterval = TimeSpan.FromSeconds(1);

    private readonly IndexOptions options;
    private readonly TextWriter log;
    private readonly bool quiet;

    /// <summary>An indexer for <paramref name="options"/>; skips (and, unless <paramref name="quiet"/>, progress) go to <paramref name="log"/>.</summary>
    public CorpusIndexer(IndexOptions options, TextWriter log, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        this.options = options;
        this.log = log;
        this.quiet = quiet;
    }

    /// <summary>Indexes what is not yet in the cache; throws <see cref="TrainingDataException"/> for a missing input or a cache of other preprocessing.</summary>
    public async Task<IndexSummary> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var input = Path.GetFullPath(options.InputDirectory);
        var output = Path.GetFullPath(options.OutputDirectory);
        if (!Directory.Exists(input))
        {
            throw new TrainingDataException($"input folder '{options.InputDirectory}' does not exist ({input})");
        }

        var preprocessing = options.Preprocessing();
        var hash = preprocessing.Hash();
        Directory.CreateDirectory(output);
        var manifest = OpenManifest(output, preprocessing, hash);
        var clips = manifest.Clips.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var skips = manifest.Skipped.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var sources = Sources(input, output);
        var dataBytes = manifest.DataBytes;
        int indexed = 0, skipped = 0, already = 0;
        var lastWrite = Stopwatch.StartNew();
        var dirty = false;

        void Commit()
        {
            ManifestStore.Write(output, manifest with { DataBytes = dataBytes, Clips = [.. clips.Values], Skipped = [.. skips.Values] });
            lastWrite.Restart();
            dirty = false;
        }

        await using var data = new FileStream(Path.Combine(output, manifest.DataFile), FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 20);
        if (data.Length > dataBytes)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: dropping {data.Length - dataBytes} bytes of an interrupted append"));
            data.SetLength(dataBytes);
        }

        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = new FileInfo(sources[i]);
                var (size, mtime) = (file.Length, file.LastWriteTimeUtc);
                if ((clips.TryGetValue(file.FullName, out var c) && c.Size == size && c.MtimeUtc == mtime)
                    || (skips.TryGetValue(file.FullName, out var s) && s.Size == size && s.MtimeUtc == mtime))
                {
                    already++;
                    continue;
                }

                // A changed source is indexed again; its old record stays in the data file as dead bytes.
                clips.Remove(file.FullName);
                skips.Remove(file.FullName);
                var (tracks, reason) = await DecodeAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                if (tracks is { } t)
                {
                    data.Position = dataBytes;
                    var length = ClipRecordFormat.WriteRecord(data, file.FullName, t.Video, t.Audio);
                    data.Flush(flushToDisk: true);
                    clips[file.FullName] = new CacheClipEntry
                    {
                        Path = file.FullName, Size = size, MtimeUtc = mtime, Offset = dataBytes, Length = length,
                        Frames = t.Video.FrameCount, VideoStartS = t.Video.StartSeconds, Samples = t.Audio.Samples.Length, AudioStartS = t.Audio.StartSeconds,
                    };
                    dataBytes += length;
                    indexed++;
                    if (!quiet)
                    {
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: [{i + 1}/{sources.Count}] indexed '{file.FullName}': {t.Video.FrameCount} frames from {t.Video.StartSeconds:0.###} s, {t.Audio.Samples.Length / (double)t.Audio.SampleRate:0.0} s audio from {t.Audio.StartSeconds:0.###} s"));
                    }
                }
                else
                {
                    skips[file.FullName] = new CacheSkipEntry { Path = file.FullName, Size = size, MtimeUtc = mtime, Reason = reason };
                    skipped++;
                    log.WriteLine($"avts-train: skipping '{file.FullName}': {reason}");
                }

                dirty = true;
                if (lastWrite.Elapsed >= ManifestInterval)
                {
                    Commit();
                }
            }
        }
        finally
        {
            // Also on cancellation: what was fsynced so far is kept for the next run.
            if (dirty)
            {
                Commit();
            }
        }

        return new IndexSummary(indexed, skipped, already, clips.Count, dataBytes, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The existing manifest (checked against this run's preprocessing) or a new empty cache.</summary>
    private static CacheManifest OpenManifest(string output, CachePreprocessing preprocessing, string hash)
    {
        if (ManifestStore.Read(output) is { } existing)
        {
            if (existing.PreprocessingHash != hash)
            {
                var differences = existing.Preprocessing.DifferencesFrom(preprocessing);
                throw new TrainingDataException($"cache '{output}' was built with other preprocessing ({string.Join("; ", differences)}); use another --out or delete it");
            }

            var dataPath = Path.Combine(output, existing.DataFile);
            using var stream = File.Exists(dataPath) ? File.OpenRead(dataPath) : null;
            if (stream is null || ClipRecordFormat.ReadHeader(stream) != hash || stream.Length < existing.DataBytes)
            {
                throw new TrainingDataException($"cache '{output}': {existing.DataFile} is missing, foreign or shorter than the manifest says; delete the cache and index again");
            }

            return existing;
        }

        // A data file without a manifest is a run that died before its first commit: start it over.
        using (var data = new FileStream(Path.Combine(output, ClipRecordFormat.DataFileName), FileMode.Create, FileAccess.Write))
        {
            ClipRecordFormat.WriteHeader(data, hash);
            data.Flush(flushToDisk: true);
        }

        var manifest = new CacheManifest { Preprocessing = preprocessing, PreprocessingHash = hash, DataBytes = ClipRecordFormat.HeaderBytes };
        ManifestStore.Write(output, manifest);
        return manifest;
    }

    /// <summary>Video files of the input folder, sorted ordinally, without anything inside the cache folder.</summary>
    private List<string> Sources(string input, string output)
    {
        var search = options.Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        var inside = output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var all = Directory.EnumerateFiles(input, "*", search).Where(f => !f.StartsWith(inside, StringComparison.Ordinal)).ToList();
        var videos = all.Where(f => ClipCache.MediaExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList();
        if (all.Count > videos.Count)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts-train: ignoring {all.Count - videos.Count} files without a video extension"));
        }

        return videos;
    }

    /// <summary>Square tracks of <paramref name="path"/>, or the one-line reason it cannot be used.</summary>
    private async Task<((VideoTrack Video, AudioTrack Audio)? Tracks, string Reason)> DecodeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var decode = new DecodeOptions { VideoWidth = options.DecodeWidth, AudioSampleRate = options.Model.SampleRate };
            if (options.MaxSeconds > 0)
            {
                var info = await MediaProbe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
                var spare = (info.DurationSeconds ?? 0) - options.MaxSeconds;
                var start = spare > 0 ? info.StartSeconds + (new Random(options.Seed ^ StableHash(Path.GetFileName(path))).NextDouble() * spare) : (double?)null;
                decode = decode with { StartSeconds = start, DurationSeconds = options.MaxSeconds };
            }

            var media = await MediaDecoder.DecodeAsync(path, decode, cancellationToken).ConfigureAwait(false);
            if (ClipCache.Unusable(media.Video, media.Audio, options.Model) is { } reason)
            {
                return (null, reason);
            }

            return ((SquareFrames.Of(media.Video!, options.Model.InputSize), media.Audio!), "");
        }
        catch (MediaInputException ex)
        {
            return (null, Commands.TrainCli.OneLine(ex.Message));
        }
    }

    /// <summary>FNV-1a of the UTF-8 name: stable across runs and machines, unlike string.GetHashCode.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
