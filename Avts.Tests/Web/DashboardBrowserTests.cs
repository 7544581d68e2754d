using Avts.Tests.Fixtures;
using Avts.Live.Monitor;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Avts.Tests.Web;

/// <summary>
/// The dashboard in real headless Chromium (/usr/bin/chromium) against Kestrel on a loopback port: a stream tile's
/// delay changes live (a looped clip with a cycling injected delay, pushed through the hub to the page's own SignalR
/// client), and a QA job's report page shows the measured delay and its plot. Screenshots go to
/// <c>$AVTS_TEST_ARTIFACTS</c> (default: <c>artifacts/</c> beside the test assembly).
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-ui-").FullName;

    [Fact]
    public async Task Dashboard_TileDelayUpdatesLive_AndQaReportPageShowsDelayAndPlot()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/ensure-deps.sh chromium (test.sh does)");
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        await DemoClip.WriteAsync(Path.Combine(media, "late120.mp4"), 120, 8, 320, 180, CancellationToken.None);
        var clip = await WebTestClip.PathAsync();

        // Reads (and so the hub) need the key: the page must send the key it keeps to the hub too (access_token).
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:RequireKeyForReads"] = "true",
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var baseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        output.WriteLine($"dashboard at {baseUrl}");
        using var keyed = AvtsWebFactory.CreateKeyedClient(new Uri(baseUrl));
        // The delay jumps every 3 s, so the tile must change within a few windows.
        await AvtsWebFactory.AddStreamAsync(keyed, "cam-drift", clip, "cycle:0,150,-100@3");
        await AvtsWebFactory.AddStreamAsync(keyed, "cam-sync", clip, null);
        var qaJob = await QaClient.SubmitPathAsync(keyed, "late120.mp4");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        page.Console += (_, message) => output.WriteLine($"browser console: {message.Text}");
        // The key as an operator types it into the header field once (the page keeps it in localStorage).
        await page.AddInitScriptAsync($"localStorage.setItem('avts-api-key', '{AvtsWebFactory.Key}')");
        await page.GotoAsync(baseUrl + "/");

        const string delay = "[data-stream='cam-drift'] .delay";
        await page.WaitForFunctionAsync(
            $"() => {{ const e = document.querySelector(\"{delay}\"); return e && e.textContent.includes('ms'); }}", null, new() { Timeout = (float)Patience.TotalMilliseconds });
        var first = await page.TextContentAsync(delay);
        // Changed, and far enough to be the injected delay rather than estimator jitter around zero.
        await page.WaitForFunctionAsync(
            $"first => {{ const t = document.querySelector(\"{delay}\").textContent; return t !== first && Math.abs(parseFloat(t)) >= 50; }}",
            first,
            new() { Timeout = (float)Patience.TotalMilliseconds });
        var later = await page.TextContentAsync(delay);
        output.WriteLine($"cam-drift tile: {first} -> {later}");
        Assert.NotEqual(first, later);
        Assert.Equal("hub: live", await page.TextContentAsync("#hub-state"));
        var dashboardShot = await ScreenshotAsync(page, "dashboard.png");

        // The stream detail view draws the latest window's score curve.
        await page.GotoAsync($"{baseUrl}/#/stream/cam-drift");
        await page.WaitForFunctionAsync(
            "() => (document.getElementById('detail-curve-note')?.textContent ?? '').includes('correlation')", null, new() { Timeout = 15000 });
        output.WriteLine($"detail curve: {await page.TextContentAsync("#detail-curve-note")}");
        await ScreenshotAsync(page, "stream-detail.png");

        await QaClient.WaitDoneAsync(keyed, qaJob, TimeSpan.FromSeconds(60));
        await page.GotoAsync($"{baseUrl}/#/qa/{qaJob}");
        await page.WaitForSelectorAsync("#qa-delay", new() { Timeout = 15000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.plot'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Contains("+1", await page.TextContentAsync("#qa-delay"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "qa-report.png");

        // A dataset bench result (the shape avts bench esc50|sync|… print) lists its accuracy rows.
        const string benchJson = """
            {"benchmark":"sync","dataset":"clips (4 videos)","protocol":"test","results":[
              {"features":"avts","task":"easy","accuracy_mean":0.661,"accuracy_std":0.009,"folds":[0.651,0.672,0.661]}],"elapsed_seconds":1.5}
            """;
        using (var body = new StringContent(benchJson, System.Text.Encoding.UTF8, "application/json"))
        {
            var posted = await keyed.PostAsync("/api/benchmarks", body);
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        await page.GotoAsync($"{baseUrl}/#/benchmarks");
        await page.WaitForSelectorAsync($"text=qa-{qaJob}", new() { Timeout = 10000 });
        Assert.Contains("avts/easy: 66.1 % ± 0.9 %", (await page.InnerTextAsync(".bench-row")).Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(new FileInfo(dashboardShot).Length > 10_000);
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

    private async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("AVTS_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"avts test artifact: {path}");
        return path;
    }
}
