using System.Globalization;

namespace Avts.Live.Sources;

/// <summary>
/// An audio delay injected into a replayed input, possibly changing over time (demos, tests, <c>avts bench live</c>).
/// The source adds the delay in effect to each audio chunk's presentation timestamp; because the live pipeline
/// aligns picture and sound by timestamp (not by arrival), that is the same as the sound really arriving that much
/// later (positive) or earlier (negative). Time is the chunk's position on the source timeline, in seconds, which
/// starts near 0 when the source opens and keeps increasing across loops.
/// </summary>
public sealed class DelaySchedule
{
    private readonly double[] delaysMs;
    private readonly double[] startsSeconds;
    private readonly double cycleStepSeconds;
    private readonly string text;

    private DelaySchedule(double[] delaysMs, double[] startsSeconds, double cycleStepSeconds, string text)
    {
        this.delaysMs = delaysMs;
        this.startsSeconds = startsSeconds;
        this.cycleStepSeconds = cycleStepSeconds;
        this.text = text;
    }

    /// <summary>No delay.</summary>
    public static DelaySchedule None { get; } = Constant(0);

    /// <summary>True when the delay is 0 ms at all times.</summary>
    public bool IsZero => delaysMs.All(d => d == 0);

    /// <summary>A delay of <paramref name="milliseconds"/> at all times.</summary>
    public static DelaySchedule Constant(double milliseconds) =>
        new([milliseconds], [0], 0, milliseconds.ToString("0.###", CultureInfo.InvariantCulture));

    /// <summary>
    /// Parses <c>"120"</c> (constant ms), <c>"0@0,200@20,-80@40"</c> (ms@seconds: each delay holds from its start
    /// until the next; 0 before the first) or <c>"cycle:0,150,-100@20"</c> (each delay in turn for 20 s, repeating).
    /// </summary>
    /// <exception cref="FormatException">The text is none of these; the message is one line.</exception>
    public static DelaySchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("cycle:", StringComparison.OrdinalIgnoreCase))
        {
            return ParseCycle(trimmed, trimmed["cycle:".Length..]);
        }

        if (!trimmed.Contains('@', StringComparison.Ordinal))
        {
            return new([Number(trimmed, trimmed, "a delay in ms")], [0], 0, trimmed);
        }

        var steps = trimmed.Split(',', StringSplitOptions.TrimEntries)
            .Select(step =>
            {
                var at = step.Split('@', StringSplitOptions.TrimEntries);
                if (at.Length != 2)
                {
                    throw Invalid(trimmed, $"\"{step}\" is not MS@SECONDS");
                }

                var seconds = Number(trimmed, at[1], "a start in seconds");
                return seconds < 0 ? throw Invalid(trimmed, $"start {at[1]} s is negative") : (Ms: Number(trimmed, at[0], "a delay in ms"), Seconds: seconds);
            })
            .ToArray();
        for (var i = 1; i < steps.Length; i++)
        {
            if (steps[i].Seconds <= steps[i - 1].Seconds)
            {
                throw Invalid(trimmed, "start times must increase");
            }
        }

        // Before the first start the delay is 0: prepend that step unless the schedule starts at 0.
        var list = steps[0].Seconds > 0 ? [(Ms: 0.0, Seconds: 0.0), .. steps] : steps;
        return new([.. list.Select(s => s.Ms)], [.. list.Select(s => s.Seconds)], 0, trimmed);
    }

    /// <summary>The delay in effect <paramref name="seconds"/> into the source timeline, in milliseconds.</summary>
    public double DelayAt(double seconds)
    {
        if (cycleStepSeconds > 0)
        {
            var step = (long)Math.Floor(Math.Max(0, seconds) / cycleStepSeconds);
            return delaysMs[(int)(step % delaysMs.Length)];
        }

        var index = Array.BinarySearch(startsSeconds, seconds);
        index = index >= 0 ? index : Math.Max(0, ~index - 1);
        return delaysMs[index];
    }

    /// <summary>The schedule as it was parsed.</summary>
    public override string ToString() => text;

    private static DelaySchedule ParseCycle(string whole, string body)
    {
        var at = body.Split('@', StringSplitOptions.TrimEntries);
        if (at.Length != 2)
        {
            throw Invalid(whole, "a cycle is cycle:MS,MS,...@SECONDS");
        }

        var step = Number(whole, at[1], "a step in seconds");
        if (step <= 0)
        {
            throw Invalid(whole, "the cycle step must be positive");
        }

        var delays = at[0].Split(',', StringSplitOptions.TrimEntries).Select(d => Number(whole, d, "a delay in ms")).ToArray();
        return new(delays, [0], step, whole);
    }

    private static double Number(string whole, string value, string what) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Invalid(whole, $"\"{value}\" is not {what}");

    private static FormatException Invalid(string whole, string why) =>
        new($"Delay schedule \"{whole}\": {why} (expected \"120\", \"0@0,200@20\" or \"cycle:0,150,-100@20\").");
}
