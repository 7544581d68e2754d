using System.CommandLine;
using Avts.Engine.Model;
using Avts.Training.Training;
using TorchSharp;

namespace Avts.Training.Commands;

/// <summary><c>avts-train train</c>: self-supervised AVTS training from a JSON config.</summary>
public static class TrainCommand
{
    /// <summary>Builds the <c>train</c> command; progress goes to <paramref name="error"/> (stderr).</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var configOption = new Option<string>("--config") { Description = "Training config (JSON, see training/configs/tiny.json).", Required = true };
        var resumeOption = new Option<bool>("--resume") { Description = "Continue from state.json in --out (weights, Adam state, metrics)." };
        var deviceOption = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };
        var outOption = new Option<string>("--out") { Description = "Output folder (checkpoints, cards, metrics.csv, metrics.png, state.json).", DefaultValueFactory = _ => "runs/train" };

        var train = new Command("train", "Train the AVTS network self-supervised (contrastive loss, easy/hard negatives curriculum).");
        train.Options.Add(configOption);
        train.Options.Add(resumeOption);
        train.Options.Add(deviceOption);
        train.Options.Add(outOption);
        train.SetAction(async (parseResult, cancellationToken) =>
        {
            TrainingConfig config;
            torch.Device device;
            try
            {
                config = TrainingConfig.Load(parseResult.GetValue(configOption) ?? "");
                device = AvtsModel.ResolveDevice(parseResult.GetValue(deviceOption) ?? "auto");
            }
            catch (Exception ex) when (ex is TrainingConfigException or ArgumentException)
            {
                error.WriteLine($"avts-train: {TrainCli.OneLine(ex.Message)}");
                return TrainCli.UsageExitCode;
            }

            return await TrainCli.GuardAsync(error, "cancelled (the last completed epoch can be resumed)", async () =>
            {
                var command = "avts-train " + string.Join(' ', parseResult.Tokens.Select(t => t.Value));
                var trainer = new AvtsTrainer(config, parseResult.GetValue(outOption) ?? "runs/train", device, error);
                var rows = await trainer.RunAsync(parseResult.GetValue(resumeOption), command, cancellationToken).ConfigureAwait(false);
                output.WriteLine(rows.Count == 0 ? "train: nothing to do" : $"train: {rows.Count} epochs in metrics.csv, last loss {rows[^1].Loss.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}");
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return train;
    }
}
