namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>What one fine-tuning run on one split measured.</summary>
/// <param name="ClipAccuracy">Share of test clips classified right, each on its own.</param>
/// <param name="VideoAccuracy">Share of test videos whose mean clip softmax picks the right class.</param>
/// <param name="FinalLoss">Mean cross-entropy of the last epoch.</param>
/// <param name="TrainSeconds">Wall time of the training epochs.</param>
public sealed record FineTuneOutcome(double ClipAccuracy, double VideoAccuracy, double FinalLoss, double TrainSeconds);
