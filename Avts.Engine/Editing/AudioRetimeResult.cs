namespace Avts.Engine.Editing;

/// <summary>What <see cref="AudioRetimer"/> did.</summary>
/// <param name="Output">The file written.</param>
/// <param name="ShiftSamples">Samples removed from the start of the audio (positive) or silence samples inserted
/// (negative), at <paramref name="SampleRate"/>.</param>
/// <param name="SampleRate">The audio's native sample rate, Hz.</param>
/// <param name="AudioCodec">The encoder used for the re-timed audio.</param>
public sealed record AudioRetimeResult(string Output, long ShiftSamples, int SampleRate, string AudioCodec)
{
    /// <summary>The applied correction in ms as the audio moved: negative = earlier (trimmed), positive = later (padded).</summary>
    public double AppliedShiftMs => -1000.0 * ShiftSamples / SampleRate;
}
