using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>The loss of one training batch (tensors in the caller's dispose scope).</summary>
/// <param name="Loss">The scalar to minimise (the configured objective).</param>
/// <param name="ShiftLoss">The unweighted shift loss (scalar) when the objective has one, else null.</param>
/// <param name="Building">Time spent cutting clips and computing log-mel inputs (C#) for this batch.</param>
public sealed record ObjectiveStep(Tensor Loss, Tensor? ShiftLoss, TimeSpan Building);
