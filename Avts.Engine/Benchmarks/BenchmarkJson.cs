using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avts.Engine.Benchmarks;

/// <summary>
/// The JSON every benchmark command writes (<c>avts bench *</c>, <c>avts-train bench *</c>): snake_case, indented.
/// Named floating-point literals are allowed because a figure that could not be measured is NaN, which must not turn
/// into an internal error at the end of a long run.
/// </summary>
public static class BenchmarkJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary><paramref name="result"/> as JSON text.</summary>
    public static string Serialize<T>(T result) => JsonSerializer.Serialize(result, Options);

    /// <summary>
    /// Writes <paramref name="result"/> to <paramref name="jsonPath"/> (when given, folders created) and returns what
    /// goes to stdout: the JSON for <paramref name="format"/> "json", else the table.
    /// </summary>
    public static async Task<string> WriteAsync<T>(T result, string? jsonPath, string format, Func<T, string> table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = Serialize(result);
        if (jsonPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            await File.WriteAllTextAsync(jsonPath, text + "\n", cancellationToken).ConfigureAwait(false);
        }

        return format == "json" ? text + "\n" : table(result);
    }
}
