using System.Net.Http.Json;

namespace Avts.Tests.Web;

/// <summary>A second host on the same data directory restores the API-added streams (paused ones stay paused) and history.</summary>
public sealed class WebRestartTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("avts-web-restart-").FullName;
    private readonly Dictionary<string, string?> settings = new() { ["Avts:ApiKey"] = AvtsWebFactory.Key };

    [Fact]
    public async Task Restart_KeepsStreamsPauseStateAndHistory()
    {
        var clip = await WebTestClip.PathAsync();
        int windowsBefore;
        await using (var first = new AvtsWebFactory(dataDirectory, settings))
        {
            using var keyed = first.CreateKeyedClient();
            await AvtsWebFactory.AddStreamAsync(keyed, "kept", clip, injectDelay: "cycle:0,160,-120@20");
            await AvtsWebFactory.AddStreamAsync(keyed, "parked", clip, injectDelay: null);
            (await keyed.PostAsync("/api/streams/parked/pause", null)).EnsureSuccessStatusCode();
            await WebPolling.UntilAsync(
                async () => (await keyed.GetFromJsonAsync<WindowView[]>("/api/streams/kept/windows"))!.Length >= 2, Patience, "stored windows");
            windowsBefore = (await keyed.GetFromJsonAsync<WindowView[]>("/api/streams/kept/windows"))!.Length;
        }

        await using var second = new AvtsWebFactory(dataDirectory, settings);
        using var client = second.CreateClient();
        var streams = await client.GetFromJsonAsync<StreamView[]>("/api/streams");
        Assert.Equal(["kept", "parked"], streams!.Select(s => s.Name));
        Assert.False(streams![0].Paused);
        Assert.True(streams[1].Paused);
        Assert.Equal("paused", streams[1].State);
        var history = await client.GetFromJsonAsync<WindowView[]>("/api/streams/kept/windows");
        Assert.True(history!.Length >= windowsBefore, $"{history.Length} windows after restart, {windowsBefore} before");
        Assert.All(history, w => Assert.Equal("kept", w.Stream));
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
