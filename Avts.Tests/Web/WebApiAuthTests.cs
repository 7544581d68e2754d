using System.Net;
using System.Net.Http.Json;

namespace Avts.Tests.Web;

/// <summary>The X-Api-Key rules and request validation of the REST API (no media flows: the location is never opened).</summary>
public sealed class WebApiAuthTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-auth-").FullName;

    [Fact]
    public async Task Control_WithoutConfiguredKey_Is403WithHint()
    {
        await using var factory = new AvtsWebFactory(dataDirectory);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/streams", new { name = "a", location = "/missing.mp4" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Avts:ApiKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStream_NeedsKey_RejectsDuplicatesAndInvalid_AndReadsStayOpen()
    {
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key });
        using var anonymous = factory.CreateClient();
        using var keyed = factory.CreateKeyedClient();
        var body = new { name = "paused-one", location = Path.Combine(dataDirectory, "missing.mp4") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/streams", body)).StatusCode);
        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync("/api/streams", body)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsJsonAsync("/api/streams", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await keyed.PostAsJsonAsync("/api/streams", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await keyed.PostAsJsonAsync("/api/streams", new { name = "bad name!", location = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await keyed.PostAsJsonAsync("/api/streams", new { name = "b", location = "x", injectDelay = "soon" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/streams/paused-one")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await keyed.PostAsync("/api/streams/nobody/pause", null)).StatusCode);

        var paused = await (await keyed.PostAsync("/api/streams/paused-one/pause", null)).Content.ReadFromJsonAsync<StreamView>();
        Assert.True(paused!.Paused);
        Assert.Equal("paused", paused.State);

        var streams = await anonymous.GetFromJsonAsync<StreamView[]>("/api/streams");
        Assert.Equal("paused-one", Assert.Single(streams!).Name);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/benchmarks")).StatusCode);
        var health = await anonymous.GetFromJsonAsync<HealthView>("/healthz");
        Assert.Equal("Healthy", health!.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await keyed.DeleteAsync("/api/streams/paused-one")).StatusCode);
        Assert.Empty((await anonymous.GetFromJsonAsync<StreamView[]>("/api/streams"))!);
    }

    [Fact]
    public async Task Reads_CanRequireTheKey()
    {
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:RequireKeyForReads"] = "true",
        });
        using var anonymous = factory.CreateClient();
        using var keyed = factory.CreateKeyedClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/streams")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/streams")).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger a moment; the temp directory is cleaned by the OS later.
        }
    }

}
