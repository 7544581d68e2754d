using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avts.Training.Training;

/// <summary>Source-generated JSON for the training config and resume state (snake_case, unknown fields refused).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(TrainingConfig))]
[JsonSerializable(typeof(TrainingState))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext
{
}
