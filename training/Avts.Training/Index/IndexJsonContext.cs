using System.Text.Json.Serialization;

namespace Avts.Training.Index;

/// <summary>Source-generated JSON for the cache manifest (snake_case, indented so people can read it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(CacheManifest))]
internal sealed partial class IndexJsonContext : JsonSerializerContext
{
}
