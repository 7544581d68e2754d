using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Avts.Engine.Model;

namespace Avts.Training.Index;

/// <summary>
/// Everything that decides the bytes (and the selection) of a clip cache. Two caches with equal parameters hold the
/// same clips for the same sources; a reader built for other parameters must refuse the cache, because its frames
/// would be cut at the wrong size or its clips too short for the model.
/// </summary>
public sealed record CachePreprocessing
{
    /// <summary>How frames are reduced to the model's square: the same centre crop and area resize AvtsInputs uses.</summary>
    public const string CentreSquareArea = "centre-square-area";

    /// <summary>Grey decode width before the crop (ClipCache decodes at this width too).</summary>
    public int DecodeWidth { get; init; }

    /// <summary>Side of the stored square frames (the model's input size).</summary>
    public int InputSize { get; init; }

    /// <summary>How frames were cropped and resized.</summary>
    public string Crop { get; init; } = CentreSquareArea;

    /// <summary>Mono audio rate in Hz.</summary>
    public int SampleRate { get; init; }

    /// <summary>The model's frame rate: clips are cut at this rate by PTS (frames are stored at their source PTS).</summary>
    public int FrameRate { get; init; }

    /// <summary>Frames per clip (with <see cref="AudioWindowSamples"/>, decides which sources are too short).</summary>
    public int ClipFrames { get; init; }

    /// <summary>Audio samples one window needs, context included.</summary>
    public int AudioWindowSamples { get; init; }

    /// <summary>At most this many seconds decoded per source; 0 = whole files.</summary>
    public double MaxSeconds { get; init; }

    /// <summary>Seed of where a <see cref="MaxSeconds"/> window starts in a longer source.</summary>
    public int Seed { get; init; }

    /// <summary>The parameters for <paramref name="options"/> at <paramref name="decodeWidth"/>.</summary>
    public static CachePreprocessing For(AvtsModelOptions options, int decodeWidth, double maxSeconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CachePreprocessing
        {
            DecodeWidth = decodeWidth,
            InputSize = options.InputSize,
            SampleRate = options.SampleRate,
            FrameRate = options.FrameRate,
            ClipFrames = options.ClipFrames,
            AudioWindowSamples = options.AudioWindowSamples,
            MaxSeconds = maxSeconds,
            Seed = seed,
        };
    }

    /// <summary>SHA-256 (hex) of the canonical text of every parameter and the format version.</summary>
    public string Hash()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical()));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>"name X in the cache, Y wanted" for every parameter that differs from <paramref name="wanted"/>.</summary>
    public IReadOnlyList<string> DifferencesFrom(CachePreprocessing wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var mine = Fields();
        var theirs = wanted.Fields();
        return [.. mine.Zip(theirs).Where(p => p.First.Value != p.Second.Value).Select(p => $"{p.First.Name} {p.First.Value} in the cache, {p.Second.Value} wanted")];
    }

    private string Canonical() => $"v{ClipRecordFormat.Version};" + string.Join(';', Fields().Select(f => $"{f.Name}={f.Value}"));

    private (string Name, string Value)[] Fields() =>
    [
        ("decode_width", Invariant(DecodeWidth)),
        ("input_size", Invariant(InputSize)),
        ("crop", Crop),
        ("sample_rate", Invariant(SampleRate)),
        ("frame_rate", Invariant(FrameRate)),
        ("clip_frames", Invariant(ClipFrames)),
        ("audio_window_samples", Invariant(AudioWindowSamples)),
        ("max_seconds", MaxSeconds.ToString("R", CultureInfo.InvariantCulture)),
        ("seed", Invariant(Seed)),
    ];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
