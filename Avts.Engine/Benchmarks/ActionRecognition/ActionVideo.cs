namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>One video of an action-recognition split.</summary>
/// <param name="Name">The path as the split file lists it (e.g. <c>ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi</c>).</param>
/// <param name="FullPath">Where the file should be on disk.</param>
/// <param name="Label">Class index, 0-based, into <see cref="ActionSplit.Classes"/>.</param>
public sealed record ActionVideo(string Name, string FullPath, int Label);
