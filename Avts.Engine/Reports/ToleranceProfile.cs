using System.Globalization;

namespace Avts.Engine.Reports;

/// <summary>
/// An allowed range of audio delay in milliseconds, in the Avts sign convention: positive = the sound is late (after
/// the picture), negative = the sound is early. Broadcast standards mostly write "+" for sound early, so their figures
/// are negated when a built-in profile is defined (see <see cref="ToleranceProfiles"/>).
/// </summary>
public sealed record ToleranceProfile
{
    /// <summary>Creates a profile allowing delays from <paramref name="minMs"/> to <paramref name="maxMs"/>.</summary>
    /// <param name="name">Short name used on the command line and in reports.</param>
    /// <param name="minMs">Most negative allowed delay (largest allowed "sound early"), ms.</param>
    /// <param name="maxMs">Most positive allowed delay (largest allowed "sound late"), ms.</param>
    /// <param name="description">One line saying where the figures come from.</param>
    /// <param name="boundsInclusive">Whether a delay equal to a bound passes (false for "strictly under one frame").</param>
    public ToleranceProfile(string name, double minMs, double maxMs, string description, bool boundsInclusive = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(minMs) || !double.IsFinite(maxMs) || minMs > maxMs)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMs), $"Need finite bounds with min <= max, got [{minMs}, {maxMs}].");
        }

        Name = name;
        MinMs = minMs;
        MaxMs = maxMs;
        Description = description;
        BoundsInclusive = boundsInclusive;
    }

    /// <summary>Short name (e.g. "ebu-r37", or "custom" for <c>--tolerance</c>).</summary>
    public string Name { get; }

    /// <summary>Most negative allowed audio delay in ms (sound early).</summary>
    public double MinMs { get; }

    /// <summary>Most positive allowed audio delay in ms (sound late).</summary>
    public double MaxMs { get; }

    /// <summary>Where the figures come from, in one line.</summary>
    public string Description { get; }

    /// <summary>Whether a delay exactly on a bound passes.</summary>
    public bool BoundsInclusive { get; }

    /// <summary>Whether <paramref name="audioDelayMs"/> lies inside the allowed range.</summary>
    public bool Allows(double audioDelayMs) => BoundsInclusive
        ? audioDelayMs >= MinMs && audioDelayMs <= MaxMs
        : audioDelayMs > MinMs && audioDelayMs < MaxMs;

    /// <summary>
    /// Whether <paramref name="audioDelayMs"/> lies outside the allowed range by more than
    /// <paramref name="uncertaintyMs"/>: the measurement says "out of tolerance" even if it is off by that much.
    /// </summary>
    public bool Exceeds(double audioDelayMs, double uncertaintyMs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uncertaintyMs);
        return uncertaintyMs == 0
            ? !Allows(audioDelayMs)
            : audioDelayMs < MinMs - uncertaintyMs || audioDelayMs > MaxMs + uncertaintyMs;
    }

    /// <summary>
    /// The verdict for a measurement: <see cref="Verdict.Undetermined"/> when the input was not synchronizable or no
    /// delay was found; pass inside the range; fail outside it by more than the method's measured
    /// <paramref name="uncertaintyMs"/> (0 for methods that declare none); undetermined in between, where the delay
    /// could be out of tolerance or the method's own error (a false "fail" on in-sync footage is the worst answer a
    /// QA tool can give).
    /// </summary>
    public Verdict Judge(double? audioDelayMs, bool synchronizable, double uncertaintyMs = 0) =>
        !synchronizable || audioDelayMs is not { } delay || !double.IsFinite(delay) ? Verdict.Undetermined
            : Allows(delay) ? Verdict.Pass
            : Exceeds(delay, uncertaintyMs) ? Verdict.Fail
            : Verdict.Undetermined;

    /// <summary>
    /// Parses a custom tolerance "MIN,MAX" in ms in the Avts convention (e.g. "-60,+40": sound up to 60 ms early or
    /// 40 ms late). Invariant culture; MIN must not exceed MAX.
    /// </summary>
    /// <returns>False with a one-line <paramref name="error"/> when the text is not a valid range.</returns>
    public static bool TryParseCustom(string? text, out ToleranceProfile? profile, out string? error)
    {
        profile = null;
        error = null;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TryParseMs(parts[0], out var min)
            || !TryParseMs(parts[1], out var max))
        {
            error = $"tolerance must be MIN,MAX in milliseconds (e.g. -60,+40), got '{text}'.";
            return false;
        }

        if (min > max)
        {
            error = $"tolerance MIN must not exceed MAX (negative = sound early, positive = sound late), got '{text}'.";
            return false;
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"Custom: sound at most {-Math.Min(min, 0):0.#} ms early and {Math.Max(max, 0):0.#} ms late ([{min:+0.#;-0.#;0}, {max:+0.#;-0.#;0}] ms).");
        profile = new ToleranceProfile("custom", min, max, description);
        return true;
    }

    private static bool TryParseMs(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
