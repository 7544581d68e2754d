using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Avts.Live.Monitor;

namespace Avts.Tests.Web;

/// <summary>
/// QA jobs through the REST API: paths outside the allowed roots and non-media uploads are refused with a clear
/// reason; a generated clip with the sound 120 ms late, placed under the default root (the data folder's media/),
/// is measured like <c>avts check</c> and its report, plot and corrected copy can be downloaded.
/// </summary>
public sealed class QaApiTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-qa-").FullName;

    [Theory]
    [InlineData("../../etc/passwd", HttpStatusCode.BadRequest, "traversal")]
    [InlineData("media/../../../etc/passwd", HttpStatusCode.BadRequest, "traversal")]
    [InlineData("/etc/passwd", HttpStatusCode.Forbidden, "outside the allowed roots")]
    [InlineData("escape.mp4", HttpStatusCode.Forbidden, "link")]
    [InlineData("missing.mp4", HttpStatusCode.NotFound, "no such file")]
    public async Task SubmitPath_OutsideAllowedRoots_IsRefusedWithReason(string path, HttpStatusCode expected, string reason)
    {
        await using var factory = Factory();
        using var keyed = factory.CreateKeyedClient();
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        // A symlink inside the root that leads out of it: refused on its real path.
        File.CreateSymbolicLink(Path.Combine(media, "escape.mp4"), "/etc/passwd");

        var response = await keyed.PostAsJsonAsync("/api/qa", new { path });

        Assert.Equal(expected, response.StatusCode);
        var detail = await DetailAsync(response);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutKey_IsUnauthorized()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/qa", new { path = "x.mp4" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_NonMedia_Is400WithOneLineReason()
    {
        await using var factory = Factory();
        using var keyed = factory.CreateKeyedClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("just some notes, not a video\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "notes.txt");

        var response = await keyed.PostAsync("/api/qa", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await DetailAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain('\n', detail);
        Assert.Contains("notes.txt", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(dataDirectory, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverLimit_Is413()
    {
        await using var factory = Factory(new() { ["Avts:Qa:MaxUploadBytes"] = "1000" });
        using var keyed = factory.CreateKeyedClient();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[5000]), "file", "big.mp4");

        var response = await keyed.PostAsync("/api/qa", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathJob_OnClipWithSound120msLate_MeasuresDelay_AndServesReportPlotAndFix()
    {
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        await DemoClip.WriteAsync(Path.Combine(media, "late120.mp4"), delayMs: 120, durationSeconds: 8, width: 320, height: 180, CancellationToken.None);
        await using var factory = Factory();
        using var keyed = factory.CreateKeyedClient();

        var id = await QaClient.SubmitPathAsync(keyed, "late120.mp4");
        var job = await QaClient.WaitDoneAsync(keyed, id, TimeSpan.FromSeconds(60));

        Assert.InRange(job.AudioDelayMs!.Value, 110, 130);
        Assert.Equal(100, job.Percent);
        using var report = JsonDocument.Parse(await keyed.GetStringAsync($"/api/qa/{id}/report.json"));
        Assert.InRange(report.RootElement.GetProperty("audio_delay_ms").GetDouble(), 110, 130);
        var png = await keyed.GetByteArrayAsync($"/api/qa/{id}/plot.png");
        Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "plot.png is a PNG");
        Assert.StartsWith("input,start_s", await keyed.GetStringAsync($"/api/qa/{id}/report.csv"), StringComparison.Ordinal);
        var benchmarks = await keyed.GetStringAsync("/api/benchmarks");
        Assert.Contains("qa-" + id, benchmarks, StringComparison.Ordinal);

        var fix = await keyed.PostAsync($"/api/qa/{id}/fix", null);
        Assert.True(fix.IsSuccessStatusCode, await fix.Content.ReadAsStringAsync());
        var recheck = await fix.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.InRange(recheck.GetProperty("afterDelayMs").GetDouble(), -10, 10); // the corrected copy was re-checked
        Assert.Equal("pass", recheck.GetProperty("afterVerdict").GetString());
        var fixedCopy = await keyed.GetByteArrayAsync($"/api/qa/{id}/fixed");
        Assert.True(fixedCopy.Length > 1000);
        Assert.True((await keyed.GetFromJsonAsync<QaJobView>($"/api/qa/{id}"))!.Fixed);
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

    private AvtsWebFactory Factory(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new AvtsWebFactory(dataDirectory, settings);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
