using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Avts.Engine.Media;

namespace Avts.Training.Corpus;

/// <summary>
/// Builds a synthetic in-sync corpus: plans every clip from the seed, renders the missing ones (clips whose file
/// and sidecar exist and probe as video + audio are kept), then writes <c>manifest.jsonl</c> and <c>corpus.json</c>.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Version of the generator; bump it when the same seed would render different clips.</summary>
    public const string Version = "1";

    /// <summary>Checks <paramref name="options"/>; returns a one-line problem, or null when they are usable.</summary>
    public static string? Validate(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 1)
        {
            return $"--count must be at least 1 (got {options.Count})";
        }

        if (!(options.DurationSeconds is >= 0.5 and <= 600))
        {
            return string.Create(CultureInfo.InvariantCulture, $"--duration must be between 0.5 and 600 seconds (got {options.DurationSeconds})");
        }

        if (options.MaxWidth is < 160 or > 320)
        {
            return $"--max-width must be between 160 and 320 (got {options.MaxWidth})";
        }

        return string.IsNullOrWhiteSpace(options.OutputDirectory) ? "--out must name a folder" : null;
    }

    /// <summary>Generates the corpus; <paramref name="progress"/> gets one line per clip.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="Validate"/>).</exception>
    /// <exception cref="IOException">The output folder cannot be written, or the speech folder is unusable.</exception>
    /// <exception cref="MediaInputException">ffmpeg failed.</exception>
    public static async Task<CorpusSummary> GenerateAsync(CorpusOptions options, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var directory = options.OutputDirectory;
        EnsureWritable(directory);
        var speech = options.SpeechDirectory is null ? null : SpeechLibrary.Open(options.SpeechDirectory);

        var wall = Stopwatch.StartNew();
        var cpuBefore = CpuSeconds();
        var entries = new List<ManifestEntry>();
        int rendered = 0, skipped = 0;
        double clipSeconds = 0;
        foreach (var plan in CorpusPlanner.Plan(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var existing = await ExistingAsync(plan, directory, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                entries.Add(existing);
                skipped++;
                progress?.WriteLine($"{plan.FileName} exists, kept");
                continue;
            }

            var entry = await ClipRenderer.RenderAsync(plan, directory, speech, cancellationToken).ConfigureAwait(false);
            entries.Add(entry);
            rendered++;
            clipSeconds += entry.DurationSeconds;
            progress?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{entry.File} {entry.Kind} {entry.Width}x{entry.Height} {entry.FpsRational} fps {entry.SampleRate} Hz {entry.EventFrames.Count} events"));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, "manifest.jsonl"), string.Concat(entries.Select(e => e.ToJson() + "\n")));
        AtomicFile.WriteAllText(Path.Combine(directory, "corpus.json"), Describe(options, speech));
        return new CorpusSummary(rendered, skipped, wall.Elapsed.TotalSeconds, CpuSeconds() - cpuBefore, clipSeconds);
    }

    /// <summary>The manifest entry of a clip already on disk, or null when it must be (re)rendered.</summary>
    private static async Task<ManifestEntry?> ExistingAsync(ClipPlan plan, string directory, CancellationToken cancellationToken)
    {
        var video = Path.Combine(directory, plan.FileName);
        var sidecar = Path.ChangeExtension(video, ".json");
        if (!File.Exists(video) || !File.Exists(sidecar))
        {
            return null;
        }

        try
        {
            var entry = ManifestEntry.Parse(await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false));
            if (entry.Seed != plan.Seed || entry.Width != plan.Width || entry.SampleRate != plan.SampleRate)
            {
                return null; // Left by another seed or generator version.
            }

            var info = await MediaProbe.ProbeAsync(video, cancellationToken).ConfigureAwait(false);
            return info.Video is not null && info.Audio is not null ? entry : null;
        }
        catch (Exception ex) when (ex is JsonException or MediaInputException or IOException)
        {
            return null;
        }
    }

    private static void EnsureWritable(string directory)
    {
        var probe = Path.Combine(directory, ".avts-write-test");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write to output folder {directory}: {ex.Message}", ex);
        }
    }


    private static string Describe(CorpusOptions options, SpeechLibrary? speech)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("generator", "avts-train corpus synth");
            json.WriteString("version", Version);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("count", options.Count);
            json.WriteNumber("duration_s", options.DurationSeconds);
            json.WriteNumber("max_width", options.MaxWidth);
            if (speech is null)
            {
                json.WriteNull("speech");
            }
            else
            {
                json.WriteString("speech", Path.GetFullPath(speech.Directory));
                json.WriteNumber("speech_files", speech.Files.Count);
            }

            json.WriteString("format", "MP4: H.264 yuv420p (x264 veryfast, CRF per clip), FLAC mono; video timebase 1/fps numerator");
            json.WriteString("sync", "in sync: every audible event starts on the audio sample presented with the frame that shows it");
            json.WriteString("kinds", "avatar (mouth follows speech envelope; head bob, blinks), bounce (click+thud at floor contact), flash (shape + tone burst)");
            json.WriteString("nuisances", "drifting background shapes, picture noise, blur, CRF 18-37, audio noise; fps 24/25/29.97/30; 16/22.05/44.1/48 kHz; 160x120-320x240");
            json.WriteString("manifest", "manifest.jsonl: one JSON object per clip (file, kind, fps, sample_rate, duration_s, seed, events, event_frames, ...)");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // Children's CPU is counted once they have been waited for (getrusage RUSAGE_CHILDREN semantics via /proc).
    private static double CpuSeconds()
    {
        var own = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        try
        {
            var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // After the ")" field 0 is state; cutime and cstime are fields 13 and 14 (stat fields 16 and 17).
            var ticks = double.Parse(fields[13], CultureInfo.InvariantCulture) + double.Parse(fields[14], CultureInfo.InvariantCulture);
            return own + (ticks / 100.0);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return own;
        }
    }
}
