using System.Text;
using System.Text.Json;

namespace Avts.Training.Corpus;

/// <summary>One line of <c>manifest.jsonl</c>: a rendered clip, its format, nuisances and audible events.</summary>
public sealed record ManifestEntry
{
    /// <summary>Clip file name, relative to the corpus folder.</summary>
    public required string File { get; init; }

    /// <summary>Scenario name: avatar, bounce or flash.</summary>
    public required string Kind { get; init; }

    /// <summary>Frames per second (29.97 rounded to 3 decimals; the exact rate is <see cref="FpsRational"/>).</summary>
    public required double Fps { get; init; }

    /// <summary>Exact frame rate as "num/den".</summary>
    public required string FpsRational { get; init; }

    /// <summary>Audio sample rate in Hz.</summary>
    public required int SampleRate { get; init; }

    /// <summary>Frame width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Clip length in seconds (whole frames; the audio has exactly this length).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The clip's content seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Frames that show an audible event; the sound starts on the sample presented with each.</summary>
    public required IReadOnlyList<int> EventFrames { get; init; }

    /// <summary>Nuisance settings: audio noise, picture noise, blur, CRF, clutter shapes.</summary>
    public required string Nuisances { get; init; }

    /// <summary>Speech file (relative to the speech folder) for avatar clips with real speech, else null.</summary>
    public string? Speech { get; init; }

    /// <summary>Start of the speech segment in seconds, when <see cref="Speech"/> is set.</summary>
    public double? SpeechOffsetSeconds { get; init; }

    /// <summary>The entry as one JSON line (no trailing newline), fields in a fixed order.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("file", File);
            json.WriteString("kind", Kind);
            json.WriteNumber("fps", Fps);
            json.WriteString("fps_rational", FpsRational);
            json.WriteNumber("sample_rate", SampleRate);
            json.WriteNumber("width", Width);
            json.WriteNumber("height", Height);
            json.WriteNumber("duration_s", DurationSeconds);
            json.WriteNumber("seed", Seed);
            json.WriteNumber("events", EventFrames.Count);
            json.WriteStartArray("event_frames");
            foreach (var frame in EventFrames)
            {
                json.WriteNumberValue(frame);
            }

            json.WriteEndArray();
            json.WriteString("nuisances", Nuisances);
            if (Speech is not null)
            {
                json.WriteString("speech", Speech);
                json.WriteNumber("speech_offset_s", SpeechOffsetSeconds ?? 0);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a line written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The line is not a manifest entry.</exception>
    public static ManifestEntry Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        try
        {
            return new ManifestEntry
            {
                File = root.GetProperty("file").GetString() ?? throw new JsonException("file is null"),
                Kind = root.GetProperty("kind").GetString() ?? throw new JsonException("kind is null"),
                Fps = root.GetProperty("fps").GetDouble(),
                FpsRational = root.GetProperty("fps_rational").GetString() ?? "",
                SampleRate = root.GetProperty("sample_rate").GetInt32(),
                Width = root.GetProperty("width").GetInt32(),
                Height = root.GetProperty("height").GetInt32(),
                DurationSeconds = root.GetProperty("duration_s").GetDouble(),
                Seed = root.GetProperty("seed").GetInt32(),
                EventFrames = [.. root.GetProperty("event_frames").EnumerateArray().Select(e => e.GetInt32())],
                Nuisances = root.GetProperty("nuisances").GetString() ?? "",
                Speech = root.TryGetProperty("speech", out var speech) ? speech.GetString() : null,
                SpeechOffsetSeconds = root.TryGetProperty("speech_offset_s", out var offset) ? offset.GetDouble() : null,
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"not a manifest entry: {ex.Message}", ex);
        }
    }
}
