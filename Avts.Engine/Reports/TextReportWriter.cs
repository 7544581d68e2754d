using System.Globalization;

namespace Avts.Engine.Reports;

/// <summary>Writes the human summary: delay in words, confidence, verdict against the profile, per-window table.</summary>
public static class TextReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes <paramref name="report"/> as text.</summary>
    public static void Write(SyncReport report, TextWriter writer)
    {
        writer.WriteLine(F($"input        {report.Input}"));
        writer.WriteLine(F($"method       {report.Method}"));
        writer.WriteLine(F($"audio delay  {DescribeDelay(report)}"));
        writer.WriteLine(F($"confidence   {report.Confidence:0.00}"));
        var p = report.Profile;
        var range = F($"{FormatMs(p.MinMs)} .. {FormatMs(p.MaxMs)} ms{(p.BoundsInclusive ? "" : " (exclusive)")}");
        writer.WriteLine(F($"verdict      {report.Verdict.ToString().ToUpperInvariant()}  (profile {p.Name}: allowed {range})"));
        if (report.AudioDelayMs is not null && report.UndeterminedReason is { } why)
        {
            writer.WriteLine(F($"             {why}"));
        }

        writer.WriteLine(F($"             {p.Description}"));
        if (report.Video is { } v)
        {
            writer.WriteLine(F($"video        {v.Codec} {v.Width}x{v.Height} {v.Fps:0.###} fps{(v.VariableFrameRate ? " (VFR)" : "")}, starts at {v.StartS:0.###} s"));
        }

        if (report.Audio is { } a)
        {
            writer.WriteLine(F($"audio        {a.Codec} {a.SampleRate} Hz, {a.Channels} ch, starts at {a.StartS:0.###} s"));
        }

        if (report.Face is { } face)
        {
            writer.WriteLine(F($"face         {face.Width:0}x{face.Height:0} px at ({face.X:0}, {face.Y:0}){(face.Faces > 1 ? F($", the best-explaining of {face.Faces} faces") : "")}"));
        }

        if (report.Windows.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("   start s     end s   delay ms   confidence");
            foreach (var w in report.Windows)
            {
                var delay = w.AudioDelayMs is { } d ? FormatMs(d) : "-";
                writer.WriteLine(F($"{w.StartS,10:0.000}{w.EndS,10:0.000}{delay,11}{w.Confidence,13:0.000}"));
            }
        }

        writer.WriteLine();
        writer.WriteLine(F($"elapsed      {report.ElapsedS:0.0} s"));
    }

    /// <summary>A delay with its sign and meaning, e.g. "+120.0 ms (sound late)".</summary>
    public static string DescribeDelay(SyncReport report)
    {
        if (report.AudioDelayMs is not { } delay)
        {
            return $"undetermined ({report.UndeterminedReason ?? "nothing to sync on"})";
        }

        var meaning = delay switch
        {
            > 0 => "sound late",
            < 0 => "sound early",
            _ => "in sync",
        };
        var frames = report.AudioDelayFrames is { } f ? F($", {f:+0.00;-0.00;0} frames") : "";
        var uncertainty = report.UncertaintyMs is { } u ? F($" ± {u:0}") : "";
        return F($"{FormatMs(delay)}{uncertainty} ms ({meaning}{frames})");
    }

    /// <summary>Milliseconds with an explicit sign and one decimal ("+60.0", "-40.0", "0.0").</summary>
    public static string FormatMs(double ms) => ms.ToString("+0.0;-0.0;0.0", Inv);

    private static string F(FormattableString text) => text.ToString(Inv);
}
