using Avts.Engine.Model;

namespace Avts.Training.Index;

/// <summary>What <c>avts-train corpus index</c> indexes and how.</summary>
public sealed record IndexOptions
{
    /// <summary>Folder of source videos.</summary>
    public required string InputDirectory { get; init; }

    /// <summary>Cache folder (created; an existing cache is continued).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Also index sub-folders.</summary>
    public bool Recursive { get; init; }

    /// <summary>At most this many seconds per source (a seeded window of longer ones); 0 = whole files.</summary>
    public double MaxSeconds { get; init; }

    /// <summary>Seed of the window placement.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The model the clips are for (input size, rates, clip length).</summary>
    public AvtsModelOptions Model { get; init; } = AvtsModelOptions.Tiny;

    /// <summary>Grey decode width before the square crop (as the trainer's <c>decode_width</c>).</summary>
    public int DecodeWidth { get; init; } = 96;

    /// <summary>The preprocessing these options give.</summary>
    public CachePreprocessing Preprocessing() => CachePreprocessing.For(Model, DecodeWidth, MaxSeconds, Seed);
}
