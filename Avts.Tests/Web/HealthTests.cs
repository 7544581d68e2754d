using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Avts.Engine.Checking;
using Avts.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 7: /healthz tells the truth. A scorer that throws stops all scoring: Unhealthy (503), with the
/// reason, and the <c>avts.health.status</c> gauge says 2. A source that never delivers (a UDP input nobody sends to)
/// makes it Degraded with the reason on that stream only. Kestrel on a loopback port, real ffmpeg sources.
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class HealthTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-health-").FullName;

    [Fact]
    public async Task ScorerThatThrows_MakesHealthzUnhealthy_AndTheGaugeSaysSo()
    {
        var clip = await WebTestClip.PathAsync();
        await using var factory = new AvtsWebFactory(
            dataDirectory,
            new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key, ["Avts:Live:Method"] = "throws" },
            services => services.AddSingleton(EstimatorRegistry.CreateDefault().Add("throws", () => new ThrowingEstimator())));
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        var before = await keyed.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("Healthy", (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(0, ReadHealthGauge(factory));

        await AvtsWebFactory.AddStreamAsync(keyed, "doomed", clip, injectDelay: null);

        JsonElement report = default;
        await WebPolling.UntilAsync(
            async () =>
            {
                using var response = await keyed.GetAsync("/healthz");
                report = await response.Content.ReadFromJsonAsync<JsonElement>();
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            Patience,
            "/healthz to answer 503");
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var reasons = report.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("scoring stopped", StringComparison.Ordinal) && r.Contains(ThrowingEstimator.Message, StringComparison.Ordinal));
        Assert.Equal(2, ReadHealthGauge(factory));
    }

    [Fact]
    public async Task StalledSource_MakesHealthzDegraded_WithTheReasonOnThatStream()
    {
        var clip = await WebTestClip.PathAsync();
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:DegradedAfterHops"] = "4",
            ["Avts:Live:WindowSeconds"] = "2",
            ["Avts:Live:HopSeconds"] = "1",
        });
        using var keyed = AvtsWebFactory.CreateKeyedClient(factory.StartKestrel());

        // A UDP input that nobody sends to: ffmpeg waits for packets that never come, so no window is ever produced.
        var stalled = $"udp://127.0.0.1:{FreeUdpPort()}";
        Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsJsonAsync("/api/streams", new { name = "stalled", location = stalled })).StatusCode);
        await AvtsWebFactory.AddStreamAsync(keyed, "flowing", clip, injectDelay: null);

        JsonElement report = default;
        await WebPolling.UntilAsync(
            async () =>
            {
                report = await keyed.GetFromJsonAsync<JsonElement>("/healthz");
                var streams = report.GetProperty("streams").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
                return report.GetProperty("status").GetString() == "Degraded"
                    && streams["stalled"].GetProperty("reason").ValueKind == JsonValueKind.String
                    && streams["flowing"].GetProperty("lastWindowAt").ValueKind == JsonValueKind.String
                    && streams["flowing"].GetProperty("reason").ValueKind == JsonValueKind.Null;
            },
            Patience,
            "Degraded with a reason on the stalled stream only");
        var reasons = report.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("stream stalled: no window", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("flowing", StringComparison.Ordinal));
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

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    // The gauge of this host's meter (other hosts in the process have their own meter factories).
    private static int ReadHealthGauge(AvtsWebFactory factory)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        int? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "avts.health.status" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException("the avts.health.status gauge was not published");
    }
}
