namespace Avts.Web.Engine;

/// <summary>What one window changed on the board.</summary>
/// <param name="NewlyDropped">Windows the engine dropped for this stream since the previous result.</param>
/// <param name="Alert">The alert transition this window caused, or null.</param>
public readonly record struct WindowOutcome(long NewlyDropped, AlertTransition? Alert);
