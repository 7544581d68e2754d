namespace Avts.Training.Training;

/// <summary>One row of metrics.csv.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Stage">Curriculum stage (1 easy only, 2 easy/hard mix).</param>
/// <param name="Loss">Mean training loss (the configured objective) over the epoch's batches.</param>
/// <param name="ValEasyAcc">Validation accuracy on positives + easy negatives.</param>
/// <param name="ValHardAcc">Validation accuracy on positives + hard negatives.</param>
/// <param name="OffsetAcc40Ms">Share of validation offset searches within ±40 ms.</param>
/// <param name="ClipsPerSecond">Training clips (pairs and shift-loss clips) per second of the epoch's training loop (batch building included, validation not).</param>
/// <param name="ValPosDist">Mean validation distance of positives.</param>
/// <param name="ValEasyDist">Mean validation distance of easy negatives.</param>
/// <param name="ValHardDist">Mean validation distance of hard negatives.</param>
/// <param name="ShiftLoss">Mean unweighted shift loss over the epoch's batches (NaN when the objective has none, and in CSVs written before it existed).</param>
public sealed record EpochMetrics(
    int Epoch,
    int Stage,
    double Loss,
    double ValEasyAcc,
    double ValHardAcc,
    double OffsetAcc40Ms,
    double ClipsPerSecond,
    double ValPosDist,
    double ValEasyDist,
    double ValHardDist,
    double ShiftLoss = double.NaN);
