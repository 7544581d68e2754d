using Avts.Engine.Benchmarks;

namespace Avts.Live.Cli;

/// <summary>What every <c>avts bench</c> command does with its result: <see cref="BenchmarkJson"/> to <c>--json</c>, the table or the JSON on stdout.</summary>
internal static class BenchOutput
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="jsonPath"/> (when given) and to stdout.</summary>
    public static async Task WriteAsync<T>(
        T result, string? jsonPath, string format, Func<T, string> table, CliServices services, CancellationToken cancellationToken) =>
        services.Out.Write(await BenchmarkJson.WriteAsync(result, jsonPath, format, table, cancellationToken).ConfigureAwait(false));
}
