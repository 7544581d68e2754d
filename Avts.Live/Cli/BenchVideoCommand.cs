using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Engine.Checking;
using Avts.Engine.Model;
using Avts.Engine.Benchmarks.ActionRecognition;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench ucf101|hmdb51 --data DIR</c>: fine-tunes the video subnet for action recognition from the AVTS
/// weights and from scratch with the same budget on an official split, and prints clip and video accuracy of both.
/// </summary>
internal static class BenchVideoCommand
{
    /// <summary>Builds <c>bench ucf101</c>.</summary>
    public static Command CreateUcf101(CliServices services) => Create(
        services,
        Ucf101Layout.Name,
        "UCF101 action recognition: fine-tune the video subnet from AVTS weights vs from scratch (same budget); clip and video accuracy.",
        $"UCF101 folder: {Ucf101Layout.SplitFolder}/ (classInd.txt, trainlist0N.txt, testlist0N.txt) and UCF-101/<Class>/*.avi (or <Class>/*.avi).");

    /// <summary>Builds <c>bench hmdb51</c>.</summary>
    public static Command CreateHmdb51(CliServices services) => Create(
        services,
        Hmdb51Layout.Name,
        "HMDB51 action recognition: fine-tune the video subnet from AVTS weights vs from scratch (same budget); clip and video accuracy.",
        $"HMDB51 folder: {Hmdb51Layout.SplitFolder}/<class>_test_splitN.txt and <class>/*.avi (or hmdb51_org/<class>/*.avi).");

    private static Command Create(CliServices services, string dataset, string description, string dataDescription)
    {
        var defaults = new FineTuneOptions();
        var data = new Option<string>("--data") { Description = dataDescription, Required = true, HelpName = "DIR" };
        var splits = new Option<int[]>("--split")
        {
            Description = "Official split(s) 1, 2 or 3, comma-separated (each is one fold).",
            HelpName = "1|2|3",
            DefaultValueFactory = _ => [1],
            CustomParser = ParseSplits,
        };
        var weights = AnalysisOptionSet.WeightsOption();
        weights.Description = $"AVTS checkpoint for the avts row; its card also sets the architecture of both rows [default: ${AvtsWeights.EnvironmentVariable}, else {AvtsWeights.DefaultRelativePath}].";
        var epochs = Whole("--epochs", $"Training epochs for each initialisation [default: {defaults.Epochs}].", 1, 100000);
        var clips = Whole("--clips-per-video", $"Seeded random clips drawn once from each train video [default: {defaults.ClipsPerVideo}].", 1, 1000);
        var testClips = Whole("--test-clips", $"Evenly spaced clips per test video (video accuracy averages their softmax) [default: {defaults.TestClips}].", 1, 1000);
        var batch = Whole("--batch-size", $"Clips per training batch [default: {defaults.BatchSize}].", 2, 4096);
        var seed = Whole("--seed", $"Seed of clip starts, scratch init, head init and batch order [default: {defaults.Seed}].", 0, int.MaxValue);
        var maxPerClass = Whole("--max-videos-per-class", "Use at most this many train and test videos per class (a small budget on a CPU) [default: all].", 1, int.MaxValue);
        var lr = new Option<double?>("--lr")
        {
            Description = $"Adam learning rate [default: {defaults.LearningRate.ToString(CultureInfo.InvariantCulture)}].",
            HelpName = "RATE",
            CustomParser = r => AnalysisOptionSet.ParsePositive(r, "--lr"),
        };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };
        device.AcceptOnlyFromAmong("cpu", "cuda", "auto");
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file.", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command(dataset, description);
        foreach (var option in new Option[] { data, splits, weights, epochs, clips, testClips, batch, lr, seed, maxPerClass, device, json, format })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var budget = new FineTuneOptions
            {
                Epochs = parseResult.GetValue(epochs) ?? defaults.Epochs,
                ClipsPerVideo = parseResult.GetValue(clips) ?? defaults.ClipsPerVideo,
                TestClips = parseResult.GetValue(testClips) ?? defaults.TestClips,
                BatchSize = parseResult.GetValue(batch) ?? defaults.BatchSize,
                LearningRate = parseResult.GetValue(lr) ?? defaults.LearningRate,
                Seed = parseResult.GetValue(seed) ?? defaults.Seed,
                MaxVideosPerClass = parseResult.GetValue(maxPerClass),
            };
            var options = new ActionBenchmarkOptions
            {
                Dataset = dataset,
                DataDirectory = parseResult.GetValue(data)!,
                Splits = parseResult.GetValue(splits)!,
                WeightsPath = AvtsWeights.Resolve(parseResult.GetValue(weights)),
                FineTune = budget,
            };
            TorchSharp.torch.Device resolved;
            try
            {
                resolved = AvtsModel.ResolveDevice(parseResult.GetValue(device)!);
            }
            catch (ArgumentException ex)
            {
                // --device cuda on a CPU build or machine: the user's choice, not an internal error.
                services.Error.WriteLine($"avts: {ex.Message}");
                return ExitCodes.Error;
            }

            var benchmark = new ActionBenchmark(resolved, services.Error);
            var report = await benchmark.RunAsync(options, ct).ConfigureAwait(false);
            await BenchOutput.WriteAsync(report, parseResult.GetValue(json), parseResult.GetValue(format)!, FineTuneTable.Format, services, ct).ConfigureAwait(false);
            return ExitCodes.Pass;
        }, cancellationToken));
        return command;
    }

    private static Option<int?> Whole(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = r => AnalysisOptionSet.ParseWholeNumber(r, name, min, max),
    };

    private static int[] ParseSplits(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (part is not ("1" or "2" or "3") || values.Contains(int.Parse(part, CultureInfo.InvariantCulture)))
            {
                result.AddError($"--split takes 1, 2 or 3 (comma-separated, each once), got '{part}'.");
                return [];
            }

            values.Add(int.Parse(part, CultureInfo.InvariantCulture));
        }

        return [.. values];
    }
}
