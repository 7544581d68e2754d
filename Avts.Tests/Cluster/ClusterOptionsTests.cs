using System.Net.Http.Json;
using Avts.Tests.Web;
using Microsoft.Extensions.Options;

namespace Avts.Tests.Cluster;

/// <summary>
/// Cluster mode is configuration only and checked at start; without it the host is the single-machine host, which
/// names itself as the node of every running stream.
/// </summary>
public sealed class ClusterOptionsTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-cluster-options-").FullName;

    [Fact]
    public async Task ClusterEnabled_WithoutRedisOrPostgreSql_StopsTheHostWithTheReasons()
    {
        await using var host = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:Cluster:Enabled"] = "true",
            ["Avts:Cluster:AdvertisedAddress"] = "not-an-ip",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Avts:Cluster:Redis", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Avts:DatabaseProvider: cluster mode needs PostgreSql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Avts:Cluster:NodeName", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Avts:Cluster:AdvertisedAddress: 'not-an-ip'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleMachine_HealthAndStreams_NameThisNode()
    {
        var clip = await WebTestClip.PathAsync();
        await using var host = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:Cluster:NodeName"] = "solo",
        });
        using var keyed = host.CreateKeyedClient();
        await AvtsWebFactory.AddStreamAsync(keyed, "one", clip, injectDelay: null);
        await AvtsWebFactory.AddStreamAsync(keyed, "two", clip, injectDelay: null);
        Assert.True((await keyed.PostAsync(new Uri("/api/streams/two/pause", UriKind.Relative), null)).IsSuccessStatusCode);

        var health = await keyed.GetFromJsonAsync<ClusterHealthView>("/healthz");
        var streams = await keyed.GetFromJsonAsync<List<ClusterStreamView>>("/api/streams");

        Assert.Equal("solo", health!.Node);
        Assert.Equal("solo", streams!.Single(s => s.Name == "one").Node);
        Assert.Null(streams!.Single(s => s.Name == "two").Node);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The host may still hold the demo folder for a moment; the temp folder is cleaned later.
        }
    }
}
