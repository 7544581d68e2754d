using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Avts.Tests.Web;

/// <summary>Benchmark results reach the Benchmarks page: imported from a folder at start-up, or posted.</summary>
public sealed class BenchmarkStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("avts-web-bench-").FullName;

    [Fact]
    public async Task StartUp_ImportsResultFiles_Once_AndPostNeedsTheKey()
    {
        var imports = Directory.CreateDirectory(Path.Combine(root, "artifacts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(imports, "bench-live-generated.json"), """{"machine":"2 cores","max_streams_held":16,"runs":[]}""");
        await File.WriteAllTextAsync(Path.Combine(imports, "bench-speed.json"), """{"benchmark":"speed","results":[]}""");
        await File.WriteAllTextAsync(Path.Combine(imports, "broken.json"), "{ not json");
        var settings = new Dictionary<string, string?> { ["Avts:ApiKey"] = AvtsWebFactory.Key, ["Avts:BenchmarkImportDirectory"] = imports };
        var data = Path.Combine(root, "data");

        for (var start = 0; start < 2; start++)
        {
            // The second start finds the same files: nothing is stored twice.
            using var factory = new AvtsWebFactory(data, settings);
            using var client = factory.CreateClient();
            JsonElement[]? runs = null;
            await WebPolling.UntilAsync(
                async () => (runs = await client.GetFromJsonAsync<JsonElement[]>("/api/benchmarks"))!.Length >= 2,
                TimeSpan.FromSeconds(10),
                "imported benchmarks");
            Assert.Equal(new[] { "bench-live-generated", "speed" }, runs!.Select(r => r.GetProperty("kind").GetString()!).Order());
        }

        using (var factory = new AvtsWebFactory(data, settings))
        {
            using var anonymous = factory.CreateClient();
            using var keyed = factory.CreateKeyedClient();
            var body = new StringContent("""{"benchmark":"shift","cases":12}""", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/benchmarks", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsync("/api/benchmarks", body)).StatusCode);
            var notJson = new StringContent("hello", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, (await keyed.PostAsync("/api/benchmarks", notJson)).StatusCode);
            var runs = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/benchmarks");
            Assert.Equal(3, runs!.Length);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
