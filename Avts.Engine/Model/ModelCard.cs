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

    /// <summary>
    /// The same map for windows whose scored span is shorter than <see cref="ShortWindowSeconds"/> (short inputs, the
    /// tail of a file): a raw score from 3 s of evidence is less reliable than the same score from 6 s, so such
    /// windows get their own measured table. Null: every window uses <see cref="ConfidenceCalibration"/>.
    /// </summary>
    public IReadOnlyList<CalibrationPoint>? ShortWindowCalibration { get; init; }

    /// <summary>Span below which a window counts as short, seconds; required with <see cref="ShortWindowCalibration"/>.</summary>
    public double? ShortWindowSeconds { get; init; }

    /// <summary>
    /// Calibrated confidence an answer needs before the estimator commits to it (below: undetermined). A model whose
    /// top answers are right less often on unseen footage needs a higher bar than the default
    /// (<see cref="Scoring.SyncGate.MinimumConfidence"/>) to keep confidently wrong answers rare; null = the default.
    /// </summary>
    public double? CommitConfidence { get; init; }

    /// <summary>
    /// How far, in ms, a committed answer of these weights may lie from the true delay on footage they never saw, as
    /// measured (docs/results.md): the verdict says "fail" only for delays outside the tolerance by more than this, and
    /// "undetermined" between. Null: none declared (the verdict uses the range alone).
    /// </summary>
    public double? AbsoluteUncertaintyMs { get; init; }
}
