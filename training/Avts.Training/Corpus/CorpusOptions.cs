namespace Avts.Training.Corpus;

/// <summary>What <c>avts-train corpus synth</c> was asked to build.</summary>
public sealed record CorpusOptions
{
    /// <summary>Folder that receives the clips, <c>manifest.jsonl</c> and <c>corpus.json</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Number of clips (at least 1).</summary>
    public required int Count { get; init; }

    /// <summary>Corpus seed: the same seed gives the same clips.</summary>
    public int Seed { get; init; }

    /// <summary>Folder of real speech recordings for avatar clips; null means synthetic syllable-like audio.</summary>
    public string? SpeechDirectory { get; init; }

    /// <summary>Clip length in seconds.</summary>
    public double DurationSeconds { get; init; } = 3;

    /// <summary>Largest frame width in pixels (sizes are drawn from 160x120 up to this, 4:3).</summary>
    public int MaxWidth { get; init; } = 320;
}
