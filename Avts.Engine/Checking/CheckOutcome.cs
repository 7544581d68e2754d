using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Engine.Checking;

/// <summary>The result of one check: the judged report plus the analysis it was rounded from.</summary>
/// <param name="Report">The rounded, judged report.</param>
/// <param name="Analysis">The estimator's merged analysis (unrounded; with its best guess even when undetermined).</param>
public sealed record CheckOutcome(SyncReport Report, SyncAnalysis Analysis)
{
    /// <summary>The overall score curve, when the estimator produced one (for plots).</summary>
    public OffsetCurve? Curve => Analysis.Curve;
}
