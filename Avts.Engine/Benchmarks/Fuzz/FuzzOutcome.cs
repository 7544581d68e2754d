namespace Avts.Engine.Benchmarks.Fuzz;

/// <summary>One damaged input checked.</summary>
/// <param name="Source">The clip it was made from.</param>
/// <param name="Kind">The damage (see <see cref="MediaMutator.Kinds"/>).</param>
/// <param name="Seed">The seed that reproduces it.</param>
/// <param name="ExitCode">The check's exit code (-1: killed after hanging).</param>
/// <param name="Seconds">Wall time of the check.</param>
/// <param name="Problem">What went wrong (crash, hang, stack trace, orphaned ffmpeg), or null.</param>
public sealed record FuzzOutcome(string Source, string Kind, int Seed, int ExitCode, double Seconds, string? Problem);
