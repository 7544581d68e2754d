using System.Net;
using System.Net.Http.Json;
using Avts.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Avts.Tests.Web;

/// <summary>
/// Issue 16 item 6: an open alert is closed with its reason when the delay recovers, when the stream is removed and
/// when the host stops; a restart closes what a crash left open, so a stream never collects open alerts. Real ffmpeg
/// sources with injected delays, a ±20 ms tolerance and one-window alert/clear rules.
/// </summary>
[Collection(RealTimeStreams.Name)]
public sealed class AlertLifecycleTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-alerts-").FullName;
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Avts:ApiKey"] = AvtsWebFactory.Key,
        ["Avts:Live:ToleranceMinMs"] = "-20",
        ["Avts:Live:ToleranceMaxMs"] = "20",
        ["Avts:Live:WindowSeconds"] = "2",
        ["Avts:Live:HopSeconds"] = "0.5",
        ["Avts:Live:AlertAfterBadWindows"] = "1",
        ["Avts:Live:ClearAfterGoodWindows"] = "1",
    };

    [Fact]
    public async Task Alert_ClosesAsRecovered_AndAsRemovedWhenTheStreamGoes()
    {
        var clip = await WebTestClip.PathAsync();
        await using var factory = new AvtsWebFactory(dataDirectory, settings);
        using var keyed = factory.CreateKeyedClient();
        await AvtsWebFactory.AddStreamAsync(keyed, "swing", clip, "cycle:200,0@6");
        await AvtsWebFactory.AddStreamAsync(keyed, "late", clip, "200");

        var recovered = await UntilAlertAsync(keyed, "swing", a => a.ClearReason == "recovered", "a recovered alert on swing");
        Assert.True(recovered.ClearedAt >= recovered.RaisedAt);

        await UntilAlertAsync(keyed, "late", a => a.ClearedAt is null, "an open alert on late");
        Assert.Equal(HttpStatusCode.NoContent, (await keyed.DeleteAsync("/api/streams/late")).StatusCode);
        var removed = await UntilAlertAsync(keyed, "late", a => a.ClearedAt is not null, "the late alert closed");
        Assert.Equal("removed", removed.ClearReason);
        Assert.All(await AlertsAsync(keyed, "late"), a => Assert.NotNull(a.ClearedAt));
    }

    [Fact]
    public async Task HostStop_ClosesOpenAlerts_AndARestartClosesWhatACrashLeftOpen()
    {
        var clip = await WebTestClip.PathAsync();
        await using (var first = new AvtsWebFactory(dataDirectory, settings))
        {
            using var keyed = first.CreateKeyedClient();
            await AvtsWebFactory.AddStreamAsync(keyed, "late", clip, "200");
            await UntilAlertAsync(keyed, "late", a => a.ClearedAt is null, "an open alert on late");
        }

        // What a kill -9 leaves: an alert of "ghost" raised a minute ago with a window stored 5 s later, never cleared.
        var raisedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "avts.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText =
                "INSERT INTO alerts (stream, raised_at, cleared_at, peak_delay_ms) VALUES ('ghost', @raised, NULL, 180);" +
                "INSERT INTO windows (stream, t_start, t_end, audio_delay_ms, raw_delay_ms, confidence, state, drift, alert, latency_ms, recorded_at) " +
                "VALUES ('ghost', 0, 2, 180, 180, 1, 'live', NULL, 1, 5, @raised + 5000)";
            insert.Parameters.AddWithValue("@raised", raisedAt);
            await insert.ExecuteNonQueryAsync();
        }

        await using var second = new AvtsWebFactory(dataDirectory, settings);
        using var client = second.CreateKeyedClient();
        var stopped = Assert.Single(await AlertsAsync(client, "late"));
        Assert.Equal("host_stopped", stopped.ClearReason);
        var ghost = Assert.Single(await AlertsAsync(client, "ghost"));
        Assert.Equal("host_restarted", ghost.ClearReason);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(raisedAt + 5000), ghost.ClearedAt);

        // The restored stream raises again: one open alert, not one per restart.
        await UntilAlertAsync(client, "late", a => a.ClearedAt is null, "the restored stream's new alert");
        Assert.Single(await AlertsAsync(client, "late"), a => a.ClearedAt is null);
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

    private static async Task<AlertView[]> AlertsAsync(HttpClient client, string stream) =>
        (await client.GetFromJsonAsync<AlertView[]>($"/api/streams/{stream}/alerts"))!;

    private static async Task<AlertView> UntilAlertAsync(HttpClient client, string stream, Func<AlertView, bool> match, string what)
    {
        AlertView? found = null;
        await WebPolling.UntilAsync(async () => (found = (await AlertsAsync(client, stream)).FirstOrDefault(match)) is not null, Patience, what);
        return found!;
    }
}
