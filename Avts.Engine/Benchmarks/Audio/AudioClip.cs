namespace Avts.Engine.Benchmarks.Audio;

/// <summary>One labelled clip of a classification dataset.</summary>
/// <param name="Path">The audio file (any format ffmpeg reads).</param>
/// <param name="Label">Class name, e.g. "dog" or "bus".</param>
/// <param name="Fold">Cross-validation fold the clip is tested in, 1-based.</param>
public sealed record AudioClip(string Path, string Label, int Fold);
