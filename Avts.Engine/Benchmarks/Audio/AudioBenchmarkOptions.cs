namespace Avts.Engine.Benchmarks.Audio;

/// <summary>What an audio classification benchmark (<c>avts bench esc50|dcase2014</c>) runs.</summary>
public sealed record AudioBenchmarkOptions
{
    /// <summary>Feature set of the trained AVTS audio subnet.</summary>
    public const string AvtsFeatures = "avts";

    /// <summary>Hand-made log-mel statistics baseline.</summary>
    public const string LogMelFeatures = "logmel";

    /// <summary>Same subnet and pooling with a seeded random initialisation.</summary>
    public const string RandomFeatures = "random";

    /// <summary>Every feature set, in report order.</summary>
    public static IReadOnlyList<string> AllFeatures { get; } = [AvtsFeatures, LogMelFeatures, RandomFeatures];

    /// <summary>The command's name, e.g. "esc50" (the report's <c>benchmark</c>).</summary>
    public required string Benchmark { get; init; }

    /// <summary>The loaded dataset.</summary>
    public required AudioDataset Dataset { get; init; }

    /// <summary>Feature sets to compare (names from <see cref="AllFeatures"/>), in report order.</summary>
    public IReadOnlyList<string> Features { get; init; } = AllFeatures;

    /// <summary>
    /// Checkpoint whose audio subnet gives the avts features and whose card gives the log-mel settings and the
    /// architecture of the random one; null only when neither avts nor random is asked for (tiny defaults then).
    /// </summary>
    public string? WeightsPath { get; init; }

    /// <summary>Audio-subnet stage (1-based) the avts and random features come from; null = the last (the default).</summary>
    public int? Stage { get; init; }

    /// <summary>
    /// Instead of <see cref="Stage"/>, let the inner cross-validation pick the stage for each test fold from the
    /// training folds alone (candidates from the last stage down; ties keep the deeper one).
    /// </summary>
    public bool ChooseStage { get; init; }

    /// <summary>Seed of the random initialisation.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Clips decoded at once (ffmpeg processes running beside the feature extraction).</summary>
    public int DecodeParallelism { get; init; } = 2;

    /// <summary>Progress lines (to stderr in the CLI); null = silent.</summary>
    public Action<string>? Log { get; init; }
}
