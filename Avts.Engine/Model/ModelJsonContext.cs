using System.Text.Json.Serialization;

namespace Avts.Engine.Model;

/// <summary>Source-generated snake_case JSON for model cards.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(ModelCard))]
[JsonSerializable(typeof(AvtsModelOptions))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
