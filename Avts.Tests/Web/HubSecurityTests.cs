using System.Net;
using System.Net.WebSockets;
using System.Text;
using Avts.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 1: the hub follows the REST read rules (key as header, bearer or <c>access_token</c> query) and refuses
/// foreign browser origins. Kestrel on a loopback port, the real .NET SignalR client and raw browser-like WebSockets.
/// </summary>
public sealed class HubSecurityTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-hubsec-").FullName;

    [Fact]
    public async Task KeyedReads_HubRefusesAnonymous_AndAcceptsTheKeyAsHeaderTokenOrQuery()
    {
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:RequireKeyForReads"] = "true",
        });
        var baseUri = factory.StartKestrel();
        using var http = new HttpClient { BaseAddress = baseUri };

        // The probe: negotiate answered 200 and the socket upgraded without a key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/sync/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/hubs/sync/negotiate?negotiateVersion=1&access_token=nope", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SocketStatusAsync(baseUri, query: null, origin: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await SocketStatusAsync(baseUri, "access_token=" + AvtsWebFactory.Key + "x", origin: null));

        await using (var anonymous = factory.CreateSocketHubConnection())
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync().WaitAsync(Patience));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using (var token = factory.CreateSocketHubConnection(o => o.AccessTokenProvider = () => Task.FromResult<string?>(AvtsWebFactory.Key)))
        {
            await token.StartAsync().WaitAsync(Patience);
            await token.InvokeAsync(nameof(SyncHub.SubscribeAll)).WaitAsync(Patience);
        }

        await using (var header = factory.CreateSocketHubConnection(o => o.Headers["X-Api-Key"] = AvtsWebFactory.Key))
        {
            await header.StartAsync().WaitAsync(Patience);
            await header.InvokeAsync(nameof(SyncHub.SubscribeAll)).WaitAsync(Patience);
        }

        // What the dashboard does: WebSocket straight to the hub, key as access_token, its own origin.
        using var browserLike = await ConnectAsync(baseUri, "access_token=" + AvtsWebFactory.Key, origin: baseUri.GetLeftPart(UriPartial.Authority));
        Assert.Equal("{}", await HandshakeAsync(browserLike));
    }

    [Fact]
    public async Task Hub_RefusesForeignOrigins_AndAcceptsItsOwnAndConfiguredOnes()
    {
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:AllowedOrigins:0"] = "https://dashboard.example:8443",
        });
        var baseUri = factory.StartKestrel();
        var own = baseUri.GetLeftPart(UriPartial.Authority);
        using var http = new HttpClient { BaseAddress = baseUri };

        Assert.Equal(HttpStatusCode.Forbidden, await SocketStatusAsync(baseUri, query: null, origin: "http://attacker.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await SocketStatusAsync(baseUri, query: null, origin: "null"));
        Assert.Equal(HttpStatusCode.Forbidden, await SocketStatusAsync(baseUri, query: null, origin: own.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "1"));
        using (var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/sync/negotiate?negotiateVersion=1"))
        {
            negotiate.Headers.Add("Origin", "http://attacker.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(negotiate)).StatusCode);
        }

        using var ownSocket = await ConnectAsync(baseUri, query: null, origin: own);
        Assert.Equal("{}", await HandshakeAsync(ownSocket));
        using var configured = await ConnectAsync(baseUri, query: null, origin: "https://dashboard.example:8443");
        Assert.Equal("{}", await HandshakeAsync(configured));

        // No Origin header: a non-browser client, which the key rules alone govern (reads are open here).
        await using var client = factory.CreateSocketHubConnection();
        await client.StartAsync().WaitAsync(Patience);
        await client.InvokeAsync(nameof(SyncHub.SubscribeAll)).WaitAsync(Patience);
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

    private static Uri SocketUri(Uri baseUri, string? query) =>
        new($"ws://{baseUri.Authority}/hubs/sync{(query is null ? string.Empty : "?" + query)}");

    private static async Task<ClientWebSocket> ConnectAsync(Uri baseUri, string? query, string? origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(SocketUri(baseUri, query), timeout.Token);
        return socket;
    }

    // The HTTP status of the upgrade request: 101 when the socket opened.
    private static async Task<HttpStatusCode> SocketStatusAsync(Uri baseUri, string? query, string? origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await socket.ConnectAsync(SocketUri(baseUri, query), timeout.Token);
        }
        catch (WebSocketException)
        {
            // The status below says why.
        }

        return socket.HttpStatusCode;
    }

    // The SignalR JSON handshake; returns the server's answer without the record separator ("{}" when accepted).
    private static async Task<string> HandshakeAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count).TrimEnd('\u001e');
    }
}
