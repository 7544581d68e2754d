using System.Text.Json.Serialization;

namespace Avts.Engine.Reports;

/// <summary>Source-generated snake_case JSON for reports (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(SyncReport))]
[JsonSerializable(typeof(ReportWindow))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
