using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Live.Cli;

/// <summary>The result of one measurement: the report plus the score curve the plot needs.</summary>
/// <param name="Report">The rounded, judged report.</param>
/// <param name="Curve">The estimator's overall score curve, when it produced one.</param>
internal sealed record CheckOutcome(SyncReport Report, OffsetCurve? Curve);
