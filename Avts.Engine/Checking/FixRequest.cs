namespace Avts.Engine.Checking;

/// <summary>What to correct and how to check it.</summary>
/// <param name="Input">The file to correct.</param>
/// <param name="Output">The corrected copy to write (never the input).</param>
/// <param name="Settings">How to measure (before, when no delay is given, and after).</param>
public sealed record FixRequest(string Input, string Output, CheckSettings Settings)
{
    /// <summary>The delay to remove, ms (positive = sound late); null measures it first, like <c>avts fix --auto</c>.</summary>
    public double? DelayMs { get; init; }

    /// <summary>Whether to check the corrected copy (always done when the delay was measured here).</summary>
    public bool Verify { get; init; }
}
