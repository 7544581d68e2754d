namespace Avts.Engine.Scoring;

/// <summary>One equal-width confidence bin of a reliability diagram.</summary>
/// <param name="Lower">Lowest confidence of the bin (inclusive).</param>
/// <param name="Upper">Highest confidence of the bin (exclusive, except 1 for the last bin).</param>
/// <param name="Count">Estimates whose confidence falls in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence; NaN when the bin is empty.</param>
/// <param name="Accuracy">Their share of correct estimates; NaN when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
