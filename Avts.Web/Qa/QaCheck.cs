using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Live.Cli;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Qa;

/// <summary>
/// The measurement behind a QA job: exactly what <c>avts check</c> runs (<see cref="CheckRunner"/> with the real
/// decoder and estimators, in process), judged against the live tolerance, then the JSON/CSV report texts and the
/// plot that <c>avts check --plot</c> draws.
/// </summary>
public sealed class QaCheck(IOptions<AvtsWebOptions> options, IOptions<LiveEngineOptions> live)
{
    /// <summary>Checks <paramref name="input"/>, writes the plot to <paramref name="plotPath"/>, reports progress 0..1.</summary>
    /// <exception cref="MediaInputException">The input is not media with picture and sound.</exception>
    public async Task<QaCheckResult> RunAsync(string input, string plotPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plotPath);
        var liveOptions = live.Value;
        var custom = liveOptions.ToleranceMinMs is null && liveOptions.ToleranceMaxMs is null ? null : liveOptions.ResolveTolerance();
        var settings = new CheckSettings(options.Value.Qa.Method, new AnalysisOptions(), new DecodeOptions(), liveOptions.Tolerance, custom);

        // The CLI's writers are unused here: reports are rendered below, and verbose logging is off.
        var services = CliServices.CreateDefault(TextWriter.Null, TextWriter.Null);
        var runner = new CheckRunner(services, verbose: false) { Progress = progress };
        var outcome = await runner.RunAsync(input, settings, cancellationToken).ConfigureAwait(false);

        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CsvReportWriter.Write(outcome.Report, csv);
        SyncPlot.SavePng(outcome.Report, outcome.Curve, plotPath);
        return new QaCheckResult(outcome.Report, JsonReportWriter.ToJson(outcome.Report), csv.ToString());
    }
}
