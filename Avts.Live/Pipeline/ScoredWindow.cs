namespace Avts.Live.Pipeline;

/// <summary>A window together with what scoring concluded about it.</summary>
/// <param name="Window">The window that was scored.</param>
/// <param name="Score">Its score.</param>
public sealed record ScoredWindow(LiveWindow Window, WindowScore Score);
