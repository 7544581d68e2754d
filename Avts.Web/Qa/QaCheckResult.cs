using Avts.Engine.Reports;

namespace Avts.Web.Qa;

/// <summary>A finished QA measurement.</summary>
/// <param name="Report">The judged report.</param>
/// <param name="Json">The report as <c>avts check --format json</c> prints it.</param>
/// <param name="Csv">The report as <c>avts check --format csv</c> prints it.</param>
public sealed record QaCheckResult(SyncReport Report, string Json, string Csv);
