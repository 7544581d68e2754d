using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebProgram = Avts.Web.Program;

namespace Avts.Tests.Web;

/// <summary>
/// The web host in-process (TestServer) on a given data directory, demo off unless asked, with extra settings.
/// Settings are added after appsettings.json so they win over it; <c>services</c> may replace registrations.
/// </summary>
internal sealed class AvtsWebFactory(
    string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<WebProgram>
{
    /// <summary>The key tests configure for control endpoints.</summary>
    public const string Key = "test-key";

    /// <summary>A client with the API key header set.</summary>
    public HttpClient CreateKeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>A real-socket client of a Kestrel host at <paramref name="baseUri"/> with the API key header set.</summary>
    public static HttpClient CreateKeyedClient(Uri baseUri)
    {
        var client = new HttpClient { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    /// <summary>Starts the host on Kestrel on a free loopback port; returns its base address (no trailing slash).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(ClientOptions.BaseAddress.ToString().TrimEnd('/'));
    }

    /// <summary>A real-socket MessagePack hub client of the Kestrel host (not started); <paramref name="options"/> adds the key.</summary>
    public HubConnection CreateSocketHubConnection(Action<HttpConnectionOptions>? options = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(ClientOptions.BaseAddress, "hubs/sync"), o => options?.Invoke(o))
        .AddMessagePackProtocol()
        .Build();

    /// <summary>A MessagePack hub client over the TestServer's WebSocket (not started).</summary>
    public HubConnection CreateHubConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, "hubs/sync"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, ct) => await Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
        })
        .AddMessagePackProtocol()
        .Build();

    /// <summary>Adds a looped real-time stream over <paramref name="clip"/> through the API; asserts 201.</summary>
    public static async Task AddStreamAsync(HttpClient keyed, string name, string clip, string? injectDelay)
    {
        var response = await keyed.PostAsJsonAsync(
            "/api/streams", new { name, location = clip, loop = true, realTime = true, injectDelay });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Avts:Demo"] = "false",
            ["Avts:DataDirectory"] = dataDirectory,
            // Test clips and data directories live in the temp folder.
            ["Avts:Locations:FileRoots:0"] = Path.GetTempPath(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(values));
        builder.ConfigureServices(collection =>
        {
            collection.AddLogging();
            services?.Invoke(collection);
        });
    }
}
