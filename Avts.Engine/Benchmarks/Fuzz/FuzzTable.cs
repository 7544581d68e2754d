using System.Globalization;
using System.Text;

namespace Avts.Engine.Benchmarks.Fuzz;

/// <summary>The table <c>avts bench fuzz</c> prints.</summary>
public static class FuzzTable
{
    /// <summary>Counts, exit codes, damage kinds, then every failure with the seed that reproduces it.</summary>
    public static string Format(FuzzResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"bench fuzz: {result.Inputs} damaged inputs in {result.ElapsedSeconds:0.0} s (slowest check {result.SlowestSeconds:0.0} s)");
        text.AppendLine("| crashes | hangs | orphaned ffmpeg |");
        text.AppendLine("|---:|---:|---:|");
        text.AppendLine(c, $"| {result.Crashes} | {result.Hangs} | {result.Orphans} |");
        text.AppendLine(c, $"exit codes: {string.Join(", ", result.ExitCodes.Select(p => $"{p.Key}: {p.Value}"))}");
        text.AppendLine(c, $"damage: {string.Join(", ", result.Kinds.Select(p => $"{p.Key}: {p.Value}"))}");
        foreach (var failure in result.Failures)
        {
            text.AppendLine(c, $"FAILED {failure.Source} {failure.Kind} seed {failure.Seed}: {failure.Problem}");
        }

        return text.ToString();
    }
}
