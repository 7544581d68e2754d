using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 5: malformed JSON and wrong shapes are 400 problem details (never 500), the key is checked before the
/// body is read (a refused client never gets to send it), and JSON bodies have a size limit. Kestrel on a loopback port.
/// </summary>
public sealed class RequestBodyTests : IDisposable
{
    private const string ProblemType = "application/problem+json";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-body-").FullName;

    [Theory]
    [InlineData("/api/qa", "{\"path\": ")]
    [InlineData("/api/qa", "[\"clip.mp4\"]")]
    [InlineData("/api/qa", "{\"path\": 5}")]
    [InlineData("/api/qa", "null")]
    [InlineData("/api/streams", "{\"name\": \"a\", \"location\": \"x\", \"loop\": \"yes\"}")]
    [InlineData("/api/streams", "[1, 2]")]
    [InlineData("/api/streams", "not json")]
    [InlineData("/api/benchmarks", "{\"benchmark\": ")]
    public async Task BadJson_Is400ProblemDetails(string path, string body)
    {
        await using var factory = Factory(maxJsonBytes: null);
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        using var response = await keyed.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":400", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadQueryValue_Is400ProblemDetails()
    {
        await using var factory = Factory(maxJsonBytes: null);
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        using var response = await keyed.GetAsync("/api/streams/a/windows?limit=many");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task KeyIsCheckedBeforeTheBody_AndLargeBodiesAre413()
    {
        await using var factory = Factory(maxJsonBytes: 4096);
        var baseUri = factory.StartKestrel();
        // With "Expect: 100-continue" the client sends the body only once the server starts reading it.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var http = new HttpClient(handler) { BaseAddress = baseUri };

        var anonymous = new PaddedJson(25_000_000);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, anonymous, key: null));
        Assert.Equal(0, anonymous.Sent);

        var tooLarge = new PaddedJson(25_000_000);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(http, tooLarge, AvtsWebFactory.Key));
        Assert.Equal(0, tooLarge.Sent);

        // Without a declared length (chunked) the limit holds while reading.
        var chunked = new PaddedJson(64 * 1024, declareLength: false);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(http, chunked, AvtsWebFactory.Key));

        // The control: a keyed body under the limit is read (and the stream added).
        var small = new PaddedJson(2048);
        Assert.Equal(HttpStatusCode.Created, await PostAsync(http, small, AvtsWebFactory.Key));
        Assert.Equal(2048, small.Sent);
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

    private AvtsWebFactory Factory(long? maxJsonBytes)
    {
        var settings = new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key };
        if (maxJsonBytes is { } max)
        {
            settings["Avts:MaxJsonBodyBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new AvtsWebFactory(dataDirectory, settings);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, PaddedJson content, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/streams") { Content = content };
        request.Headers.ExpectContinue = true;
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        finally
        {
            content.Dispose();
        }
    }

    /// <summary>A valid stream body padded with spaces to <c>length</c> bytes; counts the bytes the client sent.</summary>
    private sealed class PaddedJson : HttpContent
    {
        private readonly long length;
        private readonly bool declareLength;
        private long sent;

        public PaddedJson(long length, bool declareLength = true)
        {
            this.length = length;
            this.declareLength = declareLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        public long Sent => Interlocked.Read(ref sent);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var json = Encoding.UTF8.GetBytes($"{{\"name\":\"padded-{length}\",\"location\":\"rtsp://127.0.0.1:9/padded\"}}");
            await stream.WriteAsync(json);
            Interlocked.Add(ref sent, json.Length);
            var spaces = new byte[64 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var left = length - json.Length; left > 0; left -= spaces.Length)
            {
                var count = (int)Math.Min(spaces.Length, left);
                await stream.WriteAsync(spaces.AsMemory(0, count));
                Interlocked.Add(ref sent, count);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = this.length;
            return declareLength;
        }
    }
}
