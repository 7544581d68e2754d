namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>The budget shared by every initialisation compared (so the comparison is fair) and the data sampling.</summary>
public sealed record FineTuneOptions
{
    /// <summary>Passes over the training clips.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Clips drawn (seeded, uniformly) from each training video, once, before training.</summary>
    public int ClipsPerVideo { get; init; } = 4;

    /// <summary>Evenly spaced clips per test video; video accuracy averages their softmax.</summary>
    public int TestClips { get; init; } = 10;

    /// <summary>Clips per training batch.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate for the subnet and the head alike.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seed for clip starts, the head's and the scratch network's initialisation and the batch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>At most this many train and this many test videos per class (null: the whole split).</summary>
    public int? MaxVideosPerClass { get; init; }

    /// <summary>Width the videos are decoded at, pixels (null: twice the model's input size).</summary>
    public int? DecodeWidth { get; init; }
}
