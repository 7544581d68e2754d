namespace Avts.Engine.Checking;

/// <summary>The model files a user named for a method (null: the method's default).</summary>
/// <param name="Weights">The network weights (<c>--weights</c>), for network methods.</param>
/// <param name="Landmarks">The 68-point landmark model (<c>--landmarks</c>), for lip-sync methods.</param>
public sealed record EstimatorFiles(string? Weights, string? Landmarks);
