using Avts.Engine.Media;

namespace Avts.Training.Corpus;

/// <summary>
/// A folder of speech recordings that avatar clips borrow segments from. Files are read where they are (never
/// copied); the list is sorted so a plan's draws pick the same file and offset on every machine.
/// </summary>
public sealed class SpeechLibrary
{
    private static readonly string[] Extensions = [".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".aac"];
    private readonly Dictionary<string, double> _durations = new(StringComparer.Ordinal);

    private SpeechLibrary(string directory, IReadOnlyList<string> files)
    {
        Directory = directory;
        Files = files;
    }

    /// <summary>The folder, as given.</summary>
    public string Directory { get; }

    /// <summary>Audio files below <see cref="Directory"/>, relative paths in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Lists the audio files below <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">The folder is missing or holds no audio files.</exception>
    public static SpeechLibrary Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new IOException($"speech folder not found: {directory}");
        }

        var files = System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(directory, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length == 0
            ? throw new IOException($"speech folder has no audio files ({string.Join(' ', Extensions)}): {directory}")
            : new SpeechLibrary(directory, files);
    }

    /// <summary>
    /// Decodes the segment that <paramref name="plan"/>'s draws pick, at the plan's sample rate and length (zero
    /// padded when the file is shorter), scaled to a peak of 0.6.
    /// </summary>
    /// <returns>The samples, the file (relative) and the segment start in seconds.</returns>
    public async Task<(float[] Samples, string File, double OffsetSeconds)> LoadAsync(ClipPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var file = Files[Math.Min(Files.Count - 1, (int)(plan.SpeechFileDraw * Files.Count))];
        var path = Path.Combine(Directory, file);
        var clipSeconds = (double)plan.SampleCount / plan.SampleRate;
        if (!_durations.TryGetValue(file, out var duration))
        {
            var info = await MediaProbe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
            duration = info.DurationSeconds ?? clipSeconds;
            _durations[file] = duration;
        }

        // Millisecond offsets keep the manifest readable and the decode reproducible.
        var offset = Math.Round(plan.SpeechOffsetDraw * Math.Max(0, duration - clipSeconds), 3);
        var decoded = await MediaDecoder.DecodeAsync(
            path,
            new DecodeOptions
            {
                IncludeVideo = false,
                AudioSampleRate = plan.SampleRate,
                StartSeconds = offset,
                DurationSeconds = clipSeconds + 0.1,
            },
            cancellationToken).ConfigureAwait(false);
        var source = decoded.Audio?.Samples ?? throw new MediaInputException($"speech file has no audio stream: {path}");

        var samples = new float[plan.SampleCount];
        source.AsSpan(0, Math.Min(source.Length, samples.Length)).CopyTo(samples);
        var peak = samples.Length == 0 ? 0 : samples.Max(Math.Abs);
        if (peak > 1e-4)
        {
            var gain = 0.6f / peak;
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] *= gain;
            }
        }

        return (samples, file, offset);
    }
}
