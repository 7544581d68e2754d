using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Avts.Tests.Web;

/// <summary>The live scoring method is configuration (<c>Avts:Live:Method</c>), checked at start like every option.</summary>
public sealed class LiveMethodTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-method-").FullName;

    [Theory]
    [InlineData(null, "onset")]
    [InlineData("avts", "avts")]
    [InlineData("auto", "auto")]
    public async Task LiveMethod_ScoresWithTheConfiguredEstimator(string? configured, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Avts:Live:Method"] = configured };
        await using var host = new AvtsWebFactory(dataDirectory, configured is null ? null : settings);
        using var client = host.CreateClient();

        var health = await client.GetFromJsonAsync<HealthView>("/healthz");

        Assert.Equal(expected, health!.Method);
    }

    [Fact]
    public async Task LiveMethod_Unknown_StopsTheHostWithAOneLineReason()
    {
        await using var host = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?> { ["Avts:Live:Method"] = "lipreader" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Avts:Live:Method: unknown method 'lipreader'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveMethod_NetworkWithoutItsWeights_StopsTheHostWithAOneLineReason()
    {
        var settings = new Dictionary<string, string?> { ["Avts:Live:Method"] = "avts", ["Avts:Weights"] = Path.Combine(dataDirectory, "missing.pt") };
        await using var host = new AvtsWebFactory(dataDirectory, settings);

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("no AVTS weights", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger a moment; the OS cleans temp directories.
        }
    }
}
