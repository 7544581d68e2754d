using Avts.Tests.Fixtures;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using Avts.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Avts.Tests.Web;

/// <summary>
/// End to end through the hub: a looped real-time clip with 200 ms of injected audio delay and a ±20 ms tolerance
/// must stream WindowResult messages (MessagePack) to a subscribed client and raise an Alert, which is also stored.
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class SyncHubTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-hub-").FullName;

    [Fact]
    public async Task SubscribedMessagePackClient_ReceivesWindowsAndAlert_AndHistoryStoresThem()
    {
        var clip = await WebTestClip.PathAsync();
        await using var factory = new AvtsWebFactory(dataDirectory, new Dictionary<string, string?>
        {
            ["Avts:ApiKey"] = AvtsWebFactory.Key,
            ["Avts:Live:ToleranceMinMs"] = "-20",
            ["Avts:Live:ToleranceMaxMs"] = "20",
        });
        using var keyed = factory.CreateKeyedClient();
        var windows = new ConcurrentQueue<WindowResultMessage>();
        var otherStreams = 0;
        var alert = new TaskCompletionSource<AlertMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = factory.CreateHubConnection();
        connection.On<WindowResultMessage>(nameof(ISyncClient.WindowResult), m =>
        {
            if (m.Stream == "late")
            {
                windows.Enqueue(m);
            }
            else
            {
                Interlocked.Increment(ref otherStreams);
            }
        });
        connection.On<AlertMessage>(nameof(ISyncClient.Alert), m =>
        {
            if (m.Raised)
            {
                alert.TrySetResult(m);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync(nameof(SyncHub.SubscribeStream), "late");

        await AvtsWebFactory.AddStreamAsync(keyed, "late", clip, injectDelay: "200");
        await AvtsWebFactory.AddStreamAsync(keyed, "other", clip, injectDelay: null);

        var raised = await alert.Task.WaitAsync(Patience);
        Assert.Equal("late", raised.Stream);
        Assert.InRange(raised.AudioDelayMs!.Value, 150, 250);
        Assert.NotEmpty(windows);
        Assert.All(windows, w => Assert.Equal("late", w.Stream));
        Assert.Contains(windows, w => w.State == "live" && w.AudioDelayMs is > 150 and < 250);
        Assert.Equal(0, Volatile.Read(ref otherStreams));

        // The writer commits in batches in the background: poll until the alert and windows are stored.
        await WebPolling.UntilAsync(
            async () => (await keyed.GetFromJsonAsync<AlertView[]>("/api/streams/late/alerts"))!.Length > 0, Patience, "the stored alert");
        var stored = await keyed.GetFromJsonAsync<WindowView[]>("/api/streams/late/windows?limit=50");
        Assert.Contains(stored!, w => w.Alert);
        var all = await keyed.GetFromJsonAsync<AlertView[]>("/api/alerts");
        Assert.Contains(all!, a => a.Stream == "late" && a.PeakDelayMs is > 150);
        var streams = await keyed.GetFromJsonAsync<StreamView[]>("/api/streams");
        Assert.True(streams!.Single(s => s.Name == "late").Alert);

        // The detail view's curve: the latest window's scores over candidate delays, peaking near the injected 200 ms.
        var curve = (await keyed.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/streams/late/curve"))!;
        var delays = curve.GetProperty("delaysMs").EnumerateArray().Select(d => d.GetDouble()).ToList();
        var scores = curve.GetProperty("scores").EnumerateArray().Select(d => d.GetDouble()).ToList();
        Assert.Equal(delays.Count, scores.Count);
        Assert.InRange(delays[scores.IndexOf(scores.Max())], 150, 250);
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
