using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Avts.Web.Persistence;

/// <summary>
/// Stores benchmark results (the JSON that <c>avts bench … --json</c> writes) for the dashboard's Benchmarks page:
/// from a folder at start-up (by default the repository's <c>artifacts/</c>, where the bench scripts write) and from
/// <c>POST /api/benchmarks</c>. A run's id is derived from its content, so importing the same file twice stores it once.
/// </summary>
public sealed class BenchmarkImporter(HistoryStore history, TimeProvider time, ILogger<BenchmarkImporter> logger)
{
    /// <summary>Stores <paramref name="json"/>; returns the stored run, or null when it was already stored.</summary>
    /// <param name="json">A benchmark result: one JSON object.</param>
    /// <param name="fallbackKind">The kind when the object names none (its "benchmark" property).</param>
    /// <param name="recordedAt">When it was recorded (a file's write time), or null for now.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="JsonException">Not one JSON object.</exception>
    public async Task<BenchmarkRun?> StoreAsync(string json, string fallbackKind, DateTimeOffset? recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a benchmark result must be one JSON object");
        }

        var kind = document.RootElement.TryGetProperty("benchmark", out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()!
            : fallbackKind;
        var id = $"{kind}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16]}";
        if (await history.HasBenchmarkAsync(id, cancellationToken))
        {
            return null;
        }

        var run = new BenchmarkRun(id, kind, recordedAt ?? time.GetUtcNow(), json);
        await history.AddBenchmarkAsync(run, cancellationToken);
        return run;
    }

    /// <summary>Stores every <c>*.json</c> in <paramref name="directory"/> not stored yet; unreadable files are logged and skipped.</summary>
    public async Task<int> ImportDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var stored = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var json = await File.ReadAllTextAsync(file, cancellationToken);
                var kind = Path.GetFileNameWithoutExtension(file);
                if (await StoreAsync(json, kind, File.GetLastWriteTimeUtc(file), cancellationToken) is not null)
                {
                    stored++;
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Skipped benchmark file {File}: {Reason}", file, ex.Message);
            }
        }

        return stored;
    }
}
