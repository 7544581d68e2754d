namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// One split of a regression tree: go left when the intensity of feature pixel <see cref="First"/> minus that of
/// <see cref="Second"/> exceeds <see cref="Threshold"/>.
/// </summary>
internal readonly record struct SplitNode(int First, int Second, float Threshold);
