using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 3: a QA input is accepted only when ffprobe finds a media container in it. An HLS playlist naming a
/// file outside the QA roots (the probe's attack), the same playlist under a .mp4 name, and an ffconcat list are
/// refused with a one-line reason and no job; a real clip is still accepted. Kestrel on a loopback port, real ffprobe.
/// </summary>
public sealed class QaFormatTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-qaformat-").FullName;

    [Theory]
    [InlineData("list.m3u8", "hls")]
    [InlineData("disguised.mp4", "hls")]
    [InlineData("list.ffconcat", "concat")]
    public async Task Upload_ThatOpensOtherFiles_IsRefusedWithoutAJob(string fileName, string format)
    {
        var outside = await WebTestClip.PathAsync();
        var text = format == "hls"
            ? $"#EXTM3U\n#EXT-X-TARGETDURATION:8\n#EXTINF:8,\n{outside}\n#EXT-X-ENDLIST\n"
            : $"ffconcat version 1.0\nfile {outside}\n";
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key });
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        var (status, detail) = await UploadAsync(keyed, Encoding.UTF8.GetBytes(text), fileName);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"format '{format}'", detail, StringComparison.Ordinal);
        Assert.Contains(fileName, detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail);
        Assert.Empty((await keyed.GetFromJsonAsync<JsonElement[]>("/api/qa"))!);
    }

    [Fact]
    public async Task PathJob_OnAPlaylistInsideTheRoots_IsRefused_AndARealClipIsAccepted()
    {
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        var outside = await WebTestClip.PathAsync();
        await File.WriteAllTextAsync(Path.Combine(media, "list.m3u8"), $"#EXTM3U\n#EXT-X-TARGETDURATION:8\n#EXTINF:8,\n{outside}\n#EXT-X-ENDLIST\n");
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key });
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        using var refused = await keyed.PostAsJsonAsync("/api/qa", new { path = "list.m3u8" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("format 'hls'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (status, detail) = await UploadAsync(keyed, await File.ReadAllBytesAsync(outside), "clip.mp4");
        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {detail}");
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

    private static async Task<(HttpStatusCode Status, string Detail)> UploadAsync(HttpClient keyed, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await keyed.PostAsync("/api/qa", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? body : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!);
    }
}
