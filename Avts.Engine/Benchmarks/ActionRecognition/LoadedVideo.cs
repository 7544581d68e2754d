namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>A video decoded once and cut into the clips the benchmark uses (packed with <see cref="ClipCodec"/>).</summary>
/// <param name="Video">The split entry.</param>
/// <param name="Clips">The clips, in start order.</param>
public sealed record LoadedVideo(ActionVideo Video, IReadOnlyList<byte[]> Clips);
