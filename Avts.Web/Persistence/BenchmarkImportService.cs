using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Persistence;

/// <summary>At start-up, stores the benchmark results found in <see cref="AvtsWebOptions.BenchmarkImportDirectory"/>.</summary>
public sealed class BenchmarkImportService(
    BenchmarkImporter importer, IOptions<AvtsWebOptions> options, IHostEnvironment environment, ILogger<BenchmarkImportService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BenchmarkImportDirectory))
        {
            return;
        }

        var directory = Path.GetFullPath(options.Value.BenchmarkImportDirectory, environment.ContentRootPath);
        var stored = await importer.ImportDirectoryAsync(directory, stoppingToken);
        if (stored > 0)
        {
            logger.LogInformation("Stored {Count} benchmark result(s) from {Directory}", stored, directory);
        }
    }
}
