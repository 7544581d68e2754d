namespace Avts.Engine.Model;

/// <summary>
/// The JSON description saved next to a checkpoint's weights (<c>*.card.json</c>): what the weights are, how their
/// inputs must be preprocessed, what they were trained on and how well they did.
/// </summary>
public sealed record ModelCard
{
    /// <summary>Version of this card layout and of the weight names (see <see cref="Checkpoint.SchemaVersion"/>).</summary>
    public int SchemaVersion { get; init; }

    /// <summary>Architecture and every preprocessing parameter.</summary>
    public required AvtsModelOptions Options { get; init; }

    /// <summary>Trainable parameters in the weights file.</summary>
    public long ParameterCount { get; init; }

    /// <summary>Free-text description of the training data (sets, sizes, negatives curriculum).</summary>
    public string TrainingData { get; init; } = "";

    /// <summary>The command line that produced the weights.</summary>
    public string Command { get; init; } = "";

    /// <summary>Evaluation metrics by name (e.g. "val_accuracy").</summary>
    public Dictionary<string, double> Metrics { get; init; } = [];

    /// <summary>Version of Avts.Engine that wrote the card.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>When the card was written (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>
    /// Maps the estimator's raw score to a measured probability of a correct estimate (held-out data), in increasing
    /// score order; null or empty until calibrated, and the estimator then uses its documented default squash.
    /// Optional, so older cards stay readable without a schema bump.
    /// </summary>
    public IReadOnlyList<CalibrationPoint>? ConfidenceCalibration { get; init; }
}
