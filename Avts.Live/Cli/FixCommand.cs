using System.CommandLine;
using System.Globalization;
using Avts.Engine.Checking;
using Avts.Engine.Reports;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts fix INPUT OUTPUT</c>: writes a copy with the audio moved by -X ms (X = the delay, positive = sound late),
/// video copied bit-exact. <c>--auto</c> measures X first and re-checks the result.
/// </summary>
internal static class FixCommand
{
    /// <summary>Builds the command over <paramref name="services"/>.</summary>
    public static Command Create(CliServices services)
    {
        var input = InputArguments.Single("INPUT", "Media file to correct.");
        var output = InputArguments.Single("OUTPUT", "Corrected copy to write (never the input).");
        var delay = new Option<double?>("--audio-delay-ms")
        {
            Description = "The delay to remove, ms: positive = sound late (audio is moved earlier), negative = sound early.",
            HelpName = "X",
            CustomParser = result => AnalysisOptionSet.ParseNumber(result, "--audio-delay-ms"),
        };
        var auto = new Option<bool>("--auto") { Description = "Measure the delay first (like check), then fix and re-check." };
        var verify = new Option<bool>("--verify") { Description = "With --audio-delay-ms: re-check the output against the profile." };
        var analysis = new AnalysisOptionSet(services.Estimators);

        var command = new Command("fix", "Write a copy with the audio re-timed to remove a delay; video copied bit-exact.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(delay);
        command.Options.Add(auto);
        command.Options.Add(verify);
        analysis.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasDelay = result.GetResult(delay) is not null;
            var hasAuto = result.GetValue(auto);
            if (hasDelay == hasAuto)
            {
                result.AddError("give exactly one of --audio-delay-ms X or --auto.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var source = parseResult.GetValue(input)!;
            var request = new FixRequest(source, parseResult.GetValue(output)!, analysis.Read(parseResult))
            {
                DelayMs = parseResult.GetValue(auto) ? null : parseResult.GetValue(delay)!.Value,
                Verify = parseResult.GetValue(verify),
            };
            FixOutcome outcome;
            using (var progress = new ProgressLine(services.Error, "avts: fix", services.ErrorIsTerminal))
            {
                outcome = await services.Fixer(AvtsCli.IsVerbose(parseResult, services)).FixAsync(request, progress, ct).ConfigureAwait(false);
            }

            if (outcome.Before is { } before)
            {
                Line("before", before);
            }

            if (outcome.Retime is not { } result)
            {
                services.Error.WriteLine($"avts: nothing to sync on in '{source}'; no delay to fix, nothing written.");
                return ExitCodes.Undetermined;
            }

            var moved = result.AppliedShiftMs;
            var how = result.ShiftSamples switch
            {
                > 0 => $"moved {-moved:0.0} ms earlier ({result.ShiftSamples} samples at {result.SampleRate} Hz trimmed from the start)",
                < 0 => $"moved {moved:0.0} ms later ({-result.ShiftSamples} samples of silence at {result.SampleRate} Hz inserted)",
                _ => "left in place (the delay rounds to zero samples)",
            };
            services.Out.WriteLine(Invariant($"applied  audio {how}, re-encoded as {result.AudioCodec}; video copied"));
            services.Out.WriteLine(Invariant($"wrote    {request.Output}"));
            if (outcome.After is not { } after)
            {
                return ExitCodes.Pass;
            }

            Line("after", after);
            return ExitCodes.For(after.Verdict);
        }, cancellationToken));
        return command;

        void Line(string label, SyncReport report)
        {
            var p = report.Profile;
            var verdict = report.Verdict.ToString().ToUpperInvariant();
            var range = $"{TextReportWriter.FormatMs(p.MinMs)} .. {TextReportWriter.FormatMs(p.MaxMs)} ms";
            services.Out.WriteLine(Invariant(
                $"{label,-8} {TextReportWriter.DescribeDelay(report)}, confidence {report.Confidence:0.00}, {verdict} ({p.Name}: {range})"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
