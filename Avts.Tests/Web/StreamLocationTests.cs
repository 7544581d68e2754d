using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 4: stream locations from the API follow the policy (allowed URL schemes, files under the allowed
/// roots, devices only when enabled), refusals are one line that does not tell whether a path exists, and a URL that
/// never delivers media is retried ever more rarely. Kestrel on a loopback port; the last test runs real ffmpeg.
/// </summary>
public sealed class StreamLocationTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-locations-").FullName;

    [Theory]
    [InlineData("file:/etc/passwd", "ffmpeg protocol 'file'")]
    [InlineData("file:///etc/passwd", "scheme 'file'")]
    [InlineData("concat:/tmp/a.mp4|/tmp/b.mp4", "ffmpeg protocol 'concat'")]
    [InlineData("subfile,,start,0,end,100,,:/etc/passwd", "ffmpeg protocol 'subfile'")]
    [InlineData("data:video/mp4;base64,AAAA", "ffmpeg protocol 'data'")]
    [InlineData("ftp://127.0.0.1/clip.mp4", "scheme 'ftp'")]
    [InlineData("tcp://127.0.0.1:9/", "scheme 'tcp'")]
    [InlineData("/proc/self/environ", "allowed roots")]
    [InlineData("/dev/zero", "allowed roots")]
    [InlineData("/etc/passwd", "allowed roots")]
    [InlineData("media/../../etc/passwd", "traversal")]
    [InlineData("v4l2:/dev/video0", "capture devices are disabled")]
    [InlineData("pulse:default", "capture devices are disabled")]
    [InlineData("rtsp://127.0.0.1:9/live+wasapi:default", "capture devices are disabled")]
    public async Task RefusedLocation_Is400WithOneLineReason(string location, string reason)
    {
        await using var factory = Factory();
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        var (status, detail) = await AddAsync(keyed, "probe", location);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail);
        Assert.Empty((await keyed.GetFromJsonAsync<StreamView[]>("/api/streams"))!);
    }

    [Fact]
    public async Task Refusals_DoNotTellWhetherAPathExists_AndLinksOutAreRefused()
    {
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        File.CreateSymbolicLink(Path.Combine(media, "escape.mp4"), "/etc/passwd");
        await using var factory = Factory(("Avts:Locations:FileRoots:0", media));
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        var existing = await AddAsync(keyed, "probe", "/etc/passwd");
        var missing = await AddAsync(keyed, "probe", "/etc/no-such-file-here");
        var link = await AddAsync(keyed, "probe", "escape.mp4");

        Assert.Equal(HttpStatusCode.BadRequest, existing.Status);
        Assert.Equal(existing, missing);
        Assert.Equal(existing, link);
    }

    [Fact]
    public async Task AllowedLocations_AreAccepted_FilesStoredAsResolvedPaths()
    {
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        File.Copy(await WebTestClip.PathAsync(), Path.Combine(media, "clip.mp4"));
        await using var factory = Factory(("Avts:Locations:FileRoots:0", media), ("Avts:Locations:AllowDevices", "true"));
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        foreach (var (name, location) in new[]
        {
            ("relative", "clip.mp4"), ("absolute", Path.Combine(media, "clip.mp4")), ("not-yet-there", "later.mp4"),
            ("camera", "rtsp://127.0.0.1:9/live"), ("feed", "srt://127.0.0.1:9?mode=caller"), ("device", "pulse:default"),
        })
        {
            var (status, detail) = await AddAsync(keyed, name, location);
            Assert.True(status == HttpStatusCode.Created, $"{location}: {status} {detail}");
        }

        var streams = (await keyed.GetFromJsonAsync<JsonElement[]>("/api/streams"))!.ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("location").GetString());
        Assert.Equal(Path.Combine(media, "clip.mp4"), streams["relative"]);
        Assert.Equal(Path.Combine(media, "later.mp4"), streams["not-yet-there"]);
    }

    [Fact]
    public async Task UrlThatNeverDeliversMedia_IsRetriedEverMoreRarely()
    {
        using var server = new HttpListener();
        var port = FreePort();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var requests = new List<DateTime>();
        var serving = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await server.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                lock (requests)
                {
                    requests.Add(DateTime.UtcNow);
                }

                context.Response.StatusCode = 404;
                context.Response.Close();
            }
        });
        await using var factory = Factory();
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        var (status, _) = await AddAsync(keyed, "not-media", $"http://127.0.0.1:{port}/feed.ts");
        Assert.Equal(HttpStatusCode.Created, status);

        // Attempts (requests more than 0.3 s apart) 1-5: waits of 0.5, 1, 2 and 4 s between them, plus ffmpeg's start.
        await WebPolling.UntilAsync(() => Task.FromResult(Attempts(requests).Count >= 5), TimeSpan.FromSeconds(60), "five connection attempts");
        var attempts = Attempts(requests);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.True(gaps[3] >= 3.9, $"gaps between attempts: {string.Join(", ", gaps.Select(g => g.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s");
        Assert.True(gaps[3] > gaps[0], "the wait grows");
        server.Stop();
        await serving;
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

    private AvtsWebFactory Factory(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new AvtsWebFactory(dataDirectory, settings);
    }

    private static async Task<(HttpStatusCode Status, string Detail)> AddAsync(HttpClient keyed, string name, string location)
    {
        using var response = await keyed.PostAsJsonAsync("/api/streams", new { name, location });
        var body = await response.Content.ReadAsStringAsync();
        var detail = response.IsSuccessStatusCode ? body : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        return (response.StatusCode, detail);
    }

    private static List<DateTime> Attempts(List<DateTime> requests)
    {
        lock (requests)
        {
            return [.. requests.Where((at, i) => i == 0 || (at - requests[i - 1]).TotalSeconds > 0.3)];
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
