namespace Avts.Training.Corpus;

/// <summary>What one <c>corpus synth</c> run did.</summary>
/// <param name="Rendered">Clips rendered by this run.</param>
/// <param name="Skipped">Clips that already existed and were valid (resume).</param>
/// <param name="WallSeconds">Elapsed time.</param>
/// <param name="CpuSeconds">CPU time of this process and the ffmpeg children it waited for.</param>
/// <param name="ClipSeconds">Total length of the rendered clips, in seconds.</param>
public sealed record CorpusSummary(int Rendered, int Skipped, double WallSeconds, double CpuSeconds, double ClipSeconds);
