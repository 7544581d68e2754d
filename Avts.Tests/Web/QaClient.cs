using System.Net;
using System.Net.Http.Json;

namespace Avts.Tests.Web;

/// <summary>Submits QA jobs and waits for them, for the QA API and browser tests.</summary>
internal static class QaClient
{
    /// <summary>Submits <paramref name="path"/> (relative to the first allowed root) and returns the job id; asserts 202.</summary>
    public static async Task<string> SubmitPathAsync(HttpClient keyed, string path)
    {
        var response = await keyed.PostAsJsonAsync("/api/qa", new { path });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<QaJobView>())!.Id;
    }

    /// <summary>Polls the job until it is done or failed (then fails the test), within <paramref name="timeout"/>.</summary>
    public static async Task<QaJobView> WaitDoneAsync(HttpClient client, string id, TimeSpan timeout)
    {
        QaJobView? job = null;
        await WebPolling.UntilAsync(
            async () =>
            {
                job = await client.GetFromJsonAsync<QaJobView>($"/api/qa/{id}");
                return job!.State is "done" or "failed";
            },
            timeout,
            $"QA job {id} to finish");
        Assert.True(job!.State == "done", $"QA job failed: {job.Error}");
        return job;
    }
}
