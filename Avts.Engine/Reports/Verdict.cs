using System.Text.Json.Serialization;

namespace Avts.Engine.Reports;

/// <summary>How a measured audio delay compares with a <see cref="ToleranceProfile"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The delay lies inside the allowed range.</summary>
    [JsonStringEnumMemberName("pass")]
    Pass,

    /// <summary>The delay lies outside the allowed range.</summary>
    [JsonStringEnumMemberName("fail")]
    Fail,

    /// <summary>Nothing to sync on (no delay could be measured); says nothing about being in or out of sync.</summary>
    [JsonStringEnumMemberName("undetermined")]
    Undetermined,
}
