using System.CommandLine;
using Avts.Engine.Checking;
using Avts.Engine.Reports;

namespace Avts.Live.Cli;

/// <summary><c>avts check INPUT</c>: measures the audio delay and judges it against a tolerance profile.</summary>
internal static class CheckCommand
{
    /// <summary>Builds the command over <paramref name="services"/>.</summary>
    public static Command Create(CliServices services)
    {
        var input = InputArguments.Single("INPUT", "Media file or URL with video and audio.");
        var analysis = new AnalysisOptionSet(services.Estimators);
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format on stdout.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. ReportWriter.FormatNames]);
        var plot = new Option<string?>("--plot")
        {
            Description = "Also write a PNG: per-window delay with the tolerance band, and the score curve.",
            HelpName = "FILE.png",
        };

        var command = new Command("check", "Measure how late the sound is relative to the picture (ms, + = sound late).");
        command.Arguments.Add(input);
        analysis.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(plot);
        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var settings = analysis.Read(parseResult);
            var checker = services.Checker(AvtsCli.IsVerbose(parseResult, services));
            CheckOutcome outcome;
            using (var progress = new ProgressLine(services.Error, "avts: check", services.ErrorIsTerminal))
            {
                outcome = await checker.CheckAsync(parseResult.GetValue(input)!, settings, progress, ct).ConfigureAwait(false);
            }

            ReportWriter.Write(outcome.Report, ReportWriter.ParseFormat(parseResult.GetValue(format)!), services.Out);
            if (parseResult.GetValue(plot) is { } plotPath)
            {
                SyncPlot.SavePng(outcome.Report, outcome.Curve, plotPath);
            }

            return ExitCodes.For(outcome.Report.Verdict);
        }, cancellationToken));
        return command;
    }
}
