using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Qa;

/// <summary>
/// The measurement behind a QA job: exactly what <c>avts check</c> runs (<see cref="SyncCheckService"/>, in process),
/// judged against the live tolerance, then the JSON/CSV report texts and the plot that <c>avts check --plot</c> draws.
/// </summary>
public sealed class QaCheck(SyncCheckService checker, IOptions<AvtsWebOptions> options, IOptions<LiveEngineOptions> live)
{
    /// <summary>The settings a QA check (and the check of a corrected copy) measures with.</summary>
    public CheckSettings Settings
    {
        get
        {
            var liveOptions = live.Value;
            var custom = liveOptions.ToleranceMinMs is null && liveOptions.ToleranceMaxMs is null ? null : liveOptions.ResolveTolerance();
            return new CheckSettings(options.Value.Qa.Method, new AnalysisOptions(), new DecodeOptions(), liveOptions.Tolerance, custom)
            {
                WeightsPath = options.Value.Weights,
                LandmarksPath = options.Value.Landmarks,
            };
        }
    }

    /// <summary>Checks <paramref name="input"/>, writes the plot to <paramref name="plotPath"/>, reports progress 0..1.</summary>
    /// <exception cref="MediaInputException">The input is not media with picture and sound.</exception>
    public async Task<QaCheckResult> RunAsync(string input, string plotPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plotPath);
        var outcome = await checker.CheckAsync(input, Settings, progress, cancellationToken).ConfigureAwait(false);

        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CsvReportWriter.Write(outcome.Report, csv);
        SyncPlot.SavePng(outcome.Report, outcome.Curve, plotPath);
        return new QaCheckResult(outcome.Report, JsonReportWriter.ToJson(outcome.Report), csv.ToString());
    }
}
