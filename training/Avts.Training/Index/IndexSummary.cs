namespace Avts.Training.Index;

/// <summary>What one <c>corpus index</c> run did.</summary>
/// <param name="Indexed">Sources decoded and stored by this run.</param>
/// <param name="Skipped">Sources this run found unusable.</param>
/// <param name="AlreadyDone">Sources left alone because an earlier run indexed or skipped them (same path, size and mtime).</param>
/// <param name="TotalClips">Clips in the cache after the run.</param>
/// <param name="DataBytes">Committed size of the data file.</param>
/// <param name="WallSeconds">Run time.</param>
public sealed record IndexSummary(int Indexed, int Skipped, int AlreadyDone, int TotalClips, long DataBytes, double WallSeconds);
