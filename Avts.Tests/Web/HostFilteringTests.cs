using System.Net;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 2: a request naming a foreign Host (a DNS-rebinding page) is refused by the loopback-bound host; the
/// loopback names and configured public names are answered. Kestrel on a loopback port.
/// </summary>
public sealed class HostFilteringTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-hosts-").FullName;

    [Fact]
    public async Task ForeignHostHeader_Is400_LoopbackAndConfiguredNamesAnswer()
    {
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:AllowedHosts:0"] = "avts.example.org",
        });
        var baseUri = factory.StartKestrel();
        using var http = new HttpClient { BaseAddress = baseUri };
        var port = baseUri.Port;

        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, "/api/streams", $"attacker.example:{port}"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, "/api/streams", "attacker.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, "/hubs/sync/negotiate?negotiateVersion=1", $"attacker.example:{port}", HttpMethod.Post));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(http, "/", $"localhost.attacker.example:{port}"));

        foreach (var host in new[] { $"localhost:{port}", $"127.0.0.1:{port}", $"[::1]:{port}", "avts.example.org" })
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, "/api/streams", host));
        }
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

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path, string host, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
