using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Engine.Checking;
using Avts.Engine.Benchmarks.Audio;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench esc50</c> and <c>avts bench dcase2014</c>: frozen AVTS audio-subnet features against log-mel
/// statistics and a randomly initialised subnet, each cross-validated with a linear classifier by the dataset's folds
/// (see <see cref="AudioClassificationBenchmark"/>). Prints a table (or the JSON with --format json).
/// </summary>
internal static class BenchAudioCommand
{
    private const string AutoLayer = "auto";

    /// <summary>Builds <c>bench esc50</c>.</summary>
    public static Command CreateEsc50(CliServices services)
    {
        var subset = new Option<string?>("--subset") { Description = "esc10: only the ESC-10 rows of meta/esc50.csv (the esc10_index.csv folder is ESC-10 already).", HelpName = "NAME" };
        subset.AcceptOnlyFromAmong(Esc50Dataset.Esc10Subset);
        return Create(
            services,
            "esc50",
            "ESC-50 / ESC-10 sound classification (5 folds): frozen AVTS audio features vs log-mel statistics vs a random subnet, linear classifier.",
            "ESC-50 folder (audio/ + meta/esc50.csv) or ESC-10 folder with esc10_index.csv.",
            subset,
            (parseResult, data) => Esc50Dataset.Load(data, parseResult.GetValue(subset)));
    }

    /// <summary>Builds <c>bench dcase2014</c>.</summary>
    public static Command CreateDcase2014(CliServices services) => Create(
        services,
        "dcase2014",
        "DCASE2013/2014 acoustic scene classification (10 scenes, 5 folds): frozen AVTS audio features vs log-mel statistics vs a random subnet.",
        "Folder with scene recordings bus01.wav … (or scenes_stereo/ of them), optionally evaluation_setup/foldN_test.txt lists.",
        extra: null,
        (_, data) => DcaseSceneDataset.Load(data));

    private static Command Create(
        CliServices services, string name, string description, string dataDescription, Option? extra, Func<ParseResult, string, AudioDataset> load)
    {
        var data = new Option<string>("--data") { Description = dataDescription, Required = true, HelpName = "DIR" };
        var features = new Option<string[]>("--features")
        {
            Description = $"Feature sets to compare, comma-separated ({string.Join(", ", AudioBenchmarkOptions.AllFeatures)}).",
            DefaultValueFactory = _ => [.. AudioBenchmarkOptions.AllFeatures],
            CustomParser = ParseFeatures,
        };
        var weights = AnalysisOptionSet.WeightsOption();
        weights.Description = $"AVTS checkpoint whose audio subnet gives the avts features (its card: log-mel settings, the random subnet's architecture) [default: ${AvtsWeights.EnvironmentVariable}, else {AvtsWeights.DefaultRelativePath}].";
        var layer = new Option<string?>("--layer")
        {
            Description = "Audio-subnet conv stage for the avts and random features: N (1-based; the last is the paper's conv5 analogue), or auto = chosen per test fold by the inner CV on the training folds.",
            HelpName = "N|auto",
            DefaultValueFactory = _ => AutoLayer,
        };
        layer.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && text != AutoLayer && ParseStage(text) is null)
            {
                r.AddError($"--layer needs a stage number 1 or more, or {AutoLayer}; got '{text}'.");
            }
        });
        var seed = new Option<long>("--seed") { Description = "Seed of the random subnet's initialisation.", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file.", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command(name, description);
        foreach (var option in new[] { data, extra, features, weights, layer, seed, json, format })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var dataset = load(parseResult, parseResult.GetValue(data)!);
            var chosen = parseResult.GetValue(features)!;
            var needsWeights = chosen.Any(f => f != AudioBenchmarkOptions.LogMelFeatures);
            var options = new AudioBenchmarkOptions
            {
                Benchmark = name,
                Dataset = dataset,
                Features = chosen,
                WeightsPath = needsWeights ? AvtsWeights.Resolve(parseResult.GetValue(weights)) : null,
                Stage = parseResult.GetValue(layer) is { } stage ? ParseStage(stage) : null,
                ChooseStage = parseResult.GetValue(layer) == AutoLayer,
                Seed = parseResult.GetValue(seed),
                Log = line => services.Error.WriteLine($"avts: {line}"),
            };
            services.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"avts: {dataset.Description}: {dataset.Clips.Count} clips, {dataset.Classes.Count} classes, folds {string.Join(",", dataset.Folds)}"));
            var report = await AudioClassificationBenchmark.RunAsync(options, ct).ConfigureAwait(false);
            await BenchOutput.WriteAsync(report, parseResult.GetValue(json), parseResult.GetValue(format)!, AudioBenchmarkTable.Format, services, ct).ConfigureAwait(false);
            return ExitCodes.Pass;
        }, cancellationToken));
        return command;
    }

    private static int? ParseStage(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stage) && stage >= 1 ? stage : null;

    private static string[] ParseFeatures(ArgumentResult result)
    {
        var values = new List<string>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var known = AudioBenchmarkOptions.AllFeatures.FirstOrDefault(f => string.Equals(f, part, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                result.AddError($"--features: unknown feature set '{part}' (known: {string.Join(", ", AudioBenchmarkOptions.AllFeatures)}).");
                return [];
            }

            values.Add(known);
        }

        if (values.Count == 0)
        {
            result.AddError("--features needs at least one feature set.");
        }

        return [.. values.Distinct()];
    }
}
