using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Engine.Benchmarks;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench shift --data DIR</c>: accuracy on real media with known, sample-exact audio shifts (relative and
/// absolute errors per method). Prints a table (or JSON with --format json) and writes the JSON to --json.
/// </summary>
internal static class BenchCommand
{
    private const double DefaultTrimSeconds = 1.2;

    /// <summary>Builds <c>bench</c> and its subcommands.</summary>
    public static Command Create(CliServices services)
    {
        var bench = new Command("bench", "Benchmarks that print a table and write JSON.");
        bench.Subcommands.Add(CreateShift(services));
        bench.Subcommands.Add(BenchLiveCommand.Create(services));
        bench.Subcommands.Add(BenchSpeedCommand.Create(services));
        bench.Subcommands.Add(BenchFuzzCommand.Create(services));
        bench.Subcommands.Add(BenchAudioCommand.CreateEsc50(services));
        bench.Subcommands.Add(BenchAudioCommand.CreateDcase2014(services));
        bench.Subcommands.Add(BenchVideoCommand.CreateUcf101(services));
        bench.Subcommands.Add(BenchVideoCommand.CreateHmdb51(services));
        return bench;
    }

    private static Command CreateShift(CliServices services)
    {
        var data = new Option<string>("--data") { Description = "Folder of videos with audio (searched recursively).", Required = true };
        var shifts = new Option<int[]>("--shifts")
        {
            Description = "Shift magnitudes in ms, comma-separated; each is applied both ways.",
            DefaultValueFactory = _ => [80, 200, 400, 1000],
            CustomParser = ParseShifts,
        };
        var methods = new Option<string[]>("--methods")
        {
            Description = $"Estimators to compare, comma-separated (known: {string.Join(", ", services.Estimators.Names)}).",
            DefaultValueFactory = _ => [services.Estimators.DefaultName],
            CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        methods.Validators.Add(r =>
        {
            foreach (var name in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!services.Estimators.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    r.AddError($"unknown method '{name}' (known: {string.Join(", ", services.Estimators.Names)}).");
                }
            }
        });
        var trim = new Option<double>("--trim") { Description = "Seconds cut from each end of every source.", DefaultValueFactory = _ => DefaultTrimSeconds };
        var shortBelow = new Option<double>("--short-below")
        {
            Description = "Unseen sources shorter than this (seconds, before trimming) are reported apart as group 'short'.",
            DefaultValueFactory = _ => 4,
        };
        var apart = new Option<string[]>("--report-apart")
        {
            Description = "File name or * pattern reported apart from the main set (repeatable), e.g. chaplin.mp4.",
            AllowMultipleArgumentsPerToken = true,
        };
        var trainedOn = new Option<string[]>("--trained-on")
        {
            Description = "File name or * pattern of a source the weights were trained on (repeatable): reported as group \"trained\", apart from unseen ones.",
            AllowMultipleArgumentsPerToken = true,
        };
        var work = new Option<string?>("--work") { Description = "Folder for the shifted copies [default: a temporary folder, removed after]." };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file." };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var window = new Option<double?>("--window") { Description = "Analysis window, seconds.", CustomParser = r => AnalysisOptionSet.ParseNumber(r, "--window") };
        var weights = AnalysisOptionSet.WeightsOption();
        var landmarks = new Option<string?>("--landmarks") { Description = "dlib 68-point landmark model for --methods lips [default: Debian's libdlib-data].", HelpName = "FILE" };
        var range = new Option<double?>("--range") { Description = "Largest delay searched each way, seconds.", CustomParser = r => AnalysisOptionSet.ParseNumber(r, "--range") };

        var command = new Command("shift", "Shifted copies of real media (audio moved by ±each shift, cut to an inner window): relative and absolute errors.");
        foreach (var option in new Option[] { data, shifts, methods, weights, landmarks, trim, shortBelow, apart, trainedOn, work, json, format, window, range })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Defaults are not materialised yet while command validators run: read the token when there is one.
            var trimValue = result.GetResult(trim) is { Implicit: false } given ? given.GetValueOrDefault<double>() : DefaultTrimSeconds;
            if (trimValue <= 0 || (result.GetValue(shifts) ?? []).Any(s => s / 1000.0 > trimValue))
            {
                result.AddError("--trim must be positive and at least the largest shift (so no copy shows padding).");
            }
        });

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var defaults = new AnalysisOptions();
            // Created once first: a network method whose weights are missing fails before any copy is written.
            var methodNames = parseResult.GetValue(methods)!;
            foreach (var name in methodNames)
            {
                services.Estimators.Create(name, parseResult.GetValue(weights), parseResult.GetValue(landmarks)).Dispose();
            }

            var workDirectory = parseResult.GetValue(work) ?? Path.Combine(Path.GetTempPath(), $"avts-bench-shift-{Environment.ProcessId}");
            using var progress = new ProgressLine(services.Error, "avts: bench shift", services.ErrorIsTerminal);
            var options = new ShiftBenchmarkOptions
            {
                Progress = progress,
                DataDirectory = parseResult.GetValue(data)!,
                WorkDirectory = workDirectory,
                ShiftsMs = parseResult.GetValue(shifts)!,
                TrimSeconds = parseResult.GetValue(trim),
                ShortBelowSeconds = parseResult.GetValue(shortBelow),
                ReportApart = parseResult.GetValue(apart) ?? [],
                TrainedOn = parseResult.GetValue(trainedOn) ?? [],
                WeightsPath = parseResult.GetValue(weights),
                LandmarksPath = parseResult.GetValue(landmarks),
                Analysis = defaults with
                {
                    WindowSeconds = parseResult.GetValue(window) ?? defaults.WindowSeconds,
                    RangeSeconds = parseResult.GetValue(range) ?? defaults.RangeSeconds,
                },
            };
            try
            {
                var result = await new ShiftBenchmark(services.Checker(verbose: false), methodNames).RunAsync(options, ct).ConfigureAwait(false);
                progress.Dispose();
                await BenchOutput.WriteAsync(result, parseResult.GetValue(json), parseResult.GetValue(format)!, ShiftBenchmarkTable.Format, services, ct).ConfigureAwait(false);
                return ExitCodes.Pass;
            }
            finally
            {
                if (parseResult.GetValue(work) is null && Directory.Exists(workDirectory))
                {
                    Directory.Delete(workDirectory, recursive: true);
                }
            }
        }, cancellationToken));
        return command;
    }

    private static int[] ParseShifts(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms <= 0)
            {
                result.AddError($"--shifts needs positive whole milliseconds, got '{part}'.");
                return [];
            }

            values.Add(ms);
        }

        return [.. values];
    }
}
