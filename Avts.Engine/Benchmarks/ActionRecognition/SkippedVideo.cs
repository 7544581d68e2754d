namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>A listed video the benchmark could not use, and why (missing, undecodable, shorter than a clip).</summary>
/// <param name="Name">The path as the split file lists it.</param>
/// <param name="Reason">One line.</param>
public sealed record SkippedVideo(string Name, string Reason);
