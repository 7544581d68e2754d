using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Tests.Cli;

namespace Avts.Tests.Engine.Reports;

/// <summary>Reports built from fake analyses.</summary>
internal static class ReportSamples
{
    public static SyncReport Create(double? delayMs, string input = "in.mp4", string profile = "ebu-r37", double uncertaintyMs = 0)
    {
        var analysis = FakeEstimator.Result(delayMs, confidence: 0.87654, method: "onset") with { UncertaintyMs = uncertaintyMs };
        return SyncReport.Create(
            input,
            TestMedia.Info(input),
            analysis,
            ToleranceProfiles.Resolve(profile, 25),
            new AnalysisOptions(),
            null,
            TimeSpan.FromMilliseconds(1234.5678));
    }
}
