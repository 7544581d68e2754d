namespace Avts.Training.Training;

/// <summary>What <c>--resume</c> reads from <c>state.json</c> in the output folder: the last completed epoch and its files.</summary>
public sealed record TrainingState
{
    /// <summary>Last completed epoch (1-based).</summary>
    public int Epoch { get; set; }

    /// <summary>Weights file of that epoch (relative to the output folder).</summary>
    public string Weights { get; set; } = "";

    /// <summary>Optimizer state file (relative), or empty when it could not be saved.</summary>
    public string Optimizer { get; set; } = "";

    /// <summary>Validation videos of the run (full paths), so a resumed run keeps the split.</summary>
    public List<string> ValidationVideos { get; set; } = [];
}
