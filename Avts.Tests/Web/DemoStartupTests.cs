using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Avts.Tests.Fixtures;
using Xunit.Abstractions;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 8: on a fresh start (demo clip not cached yet) the demo streams show a tile with a first window
/// within 10 s of /healthz answering, even with QA jobs queued at the same moment: QA must not starve live scoring.
/// Kestrel on a loopback port, real ffmpeg for the demo clip, the streams and the QA jobs.
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class DemoStartupTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-demo-").FullName;

    [Fact]
    public async Task DemoStreams_HaveAFirstWindowWithin10s_EvenWithQaJobsQueued()
    {
        var media = Path.Combine(dataDirectory, "media");
        Directory.CreateDirectory(media);
        var clip = await WebTestClip.PathAsync();
        for (var i = 0; i < 3; i++)
        {
            File.Copy(clip, Path.Combine(media, $"qa{i}.mp4"));
        }

        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:Demo"] = "true",
        });
        var baseUri = factory.StartKestrel();
        using var keyed = AvtsWebFactory.CreateKeyedClient(baseUri);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/healthz")).StatusCode);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await QaClient.SubmitPathAsync(keyed, $"qa{i}.mp4");
        }

        await WebPolling.UntilAsync(
            async () =>
            {
                var streams = await keyed.GetFromJsonAsync<StreamView[]>("/api/streams");
                return streams!.Count(s => s.Name.StartsWith("demo-", StringComparison.Ordinal) && s.Windows > 0) == 2;
            },
            TimeSpan.FromSeconds(60),
            "both demo streams' first windows");
        var elapsed = clock.Elapsed;
        var jobs = await keyed.GetFromJsonAsync<QaJobView[]>("/api/qa");
        output.WriteLine($"demo tiles with a first window {elapsed.TotalSeconds:0.0} s after /healthz; QA jobs: {string.Join(", ", jobs!.Select(j => j.State))}");
        Assert.True(elapsed <= Budget, $"the demo streams took {elapsed.TotalSeconds:0.0} s (budget {Budget.TotalSeconds:0} s)");
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
}
