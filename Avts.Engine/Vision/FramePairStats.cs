namespace Avts.Engine.Vision;

/// <summary>What <see cref="FrameDifference.Measure"/> reads off two consecutive grey frames.</summary>
/// <param name="LargestCell">The largest mean absolute difference within one cell of the <see cref="FrameChange.GridSize"/>² grid.</param>
/// <param name="Whole">The mean absolute difference over the whole frame.</param>
/// <param name="CurrentMean">The mean grey level of the later frame.</param>
/// <param name="Region">The mean absolute difference within the region asked for (NaN when none was).</param>
internal readonly record struct FramePairStats(double LargestCell, double Whole, double CurrentMean, double Region);
