using System.Text.Json;
using System.Text.Json.Serialization;

namespace Avts.Live.Cli;

/// <summary>
/// What every <c>avts bench</c> command does with its result: snake_case JSON written to <c>--json</c> (folders
/// created), and the table or the JSON on stdout (<c>--format</c>). Named floating-point literals are allowed
/// because a figure that could not be measured is NaN, which must not turn into an internal error at the end.
/// </summary>
internal static class BenchOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="result"/> to <paramref name="jsonPath"/> (when given) and to stdout.</summary>
    public static async Task WriteAsync<T>(
        T result, string? jsonPath, string format, Func<T, string> table, CliServices services, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(result, JsonOptions);
        if (jsonPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            await File.WriteAllTextAsync(jsonPath, text + "\n", cancellationToken).ConfigureAwait(false);
        }

        services.Out.Write(format == "json" ? text + "\n" : table(result));
    }
}
