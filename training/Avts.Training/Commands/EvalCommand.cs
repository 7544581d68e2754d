using System.CommandLine;
using Avts.Engine.Model;
using Avts.Training.Eval;
using TorchSharp;

namespace Avts.Training.Commands;

/// <summary><c>avts-train eval</c>: the AVTS sync-accuracy protocol on held-out data (a video folder or a clip cache).</summary>
public static class EvalCommand
{
    /// <summary>Builds the <c>eval</c> command; the report goes to <paramref name="output"/>, progress and errors to <paramref name="error"/>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var weightsOption = new Option<string>("--weights") { Description = "Checkpoint (.bin) with its .card.json next to it.", Required = true };
        var dataOption = new Option<string>("--data") { Description = "Held-out videos: a folder (searched recursively) or a clip cache from corpus index.", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the clip starts and negatives.", DefaultValueFactory = _ => 1 };
        var formatOption = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var deviceOption = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };

        var eval = new Command("eval", "Sync accuracy on easy and hard negatives and offset accuracy within ±40 ms (AVTS protocol).");
        eval.Options.Add(weightsOption);
        eval.Options.Add(dataOption);
        eval.Options.Add(seedOption);
        eval.Options.Add(formatOption);
        eval.Options.Add(deviceOption);
        eval.SetAction(async (parseResult, cancellationToken) =>
        {
            var weights = parseResult.GetValue(weightsOption) ?? "";
            var data = parseResult.GetValue(dataOption) ?? "";
            torch.Device device;
            try
            {
                device = AvtsModel.ResolveDevice(parseResult.GetValue(deviceOption) ?? "auto");
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"avts-train: {TrainCli.OneLine(ex.Message)}");
                return TrainCli.UsageExitCode;
            }

            if (!File.Exists(weights))
            {
                error.WriteLine($"avts-train: weights '{weights}' do not exist");
                return 1;
            }

            if (!Directory.Exists(data))
            {
                error.WriteLine($"avts-train: data folder '{data}' does not exist");
                return 1;
            }

            return await TrainCli.GuardAsync(error, "cancelled", async () =>
            {
                var run = await SyncBenchmark.RunAsync(weights, data, parseResult.GetValue(seedOption), device, error, cancellationToken).ConfigureAwait(false);
                output.Write(parseResult.GetValue(formatOption) == "json" ? SyncBenchmarkReport.Json(run) + Environment.NewLine : SyncBenchmarkReport.Table(run));
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return eval;
    }
}
