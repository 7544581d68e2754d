using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Live.Benchmarks;
using Avts.Live.Monitor;
using Avts.Live.Pipeline;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench live</c>: how many real-time streams this machine monitors (see <see cref="LiveBenchmark"/>). Without
/// --media it generates a 640x360 25 fps flash/beep clip with the sound 80 ms late.
/// </summary>
internal static class BenchLiveCommand
{
    private const double GeneratedDelayMs = 80;

    /// <summary>Builds <c>bench live</c>.</summary>
    public static Command Create(CliServices services)
    {
        var media = new Option<string?>("--media") { Description = "Clip every stream replays [default: a generated 640x360 25 fps flash/beep clip]." };
        var streams = new Option<int[]>("--streams")
        {
            Description = "Stream counts to try in order, comma-separated; stops after the first not held.",
            DefaultValueFactory = _ => [1, 2, 4, 8, 12, 16, 20, 24, 32, 40, 48, 64],
            CustomParser = ParseCounts,
        };
        var measure = new Option<double?>("--seconds") { Description = "Seconds measured per stream count [default: 30].", CustomParser = r => AnalysisOptionSet.ParseNumber(r, "--seconds") };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file." };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var analysis = new AnalysisOptionSet(services.Estimators);

        var command = new Command("live", "N file-fed live streams at real-time pace: rate, latency, drops, CPU, memory; the largest N held.");
        foreach (var option in new Option[] { media, streams, measure, json, format })
        {
            command.Options.Add(option);
        }

        analysis.AddTo(command, includeSpan: false);
        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var settings = analysis.Read(parseResult);
            var live = analysis.ReadLive(parseResult);
            var generated = parseResult.GetValue(media) is null
                ? Path.Combine(Path.GetTempPath(), $"avts-bench-live-{Environment.ProcessId}.mp4")
                : null;
            // Created first: a network method whose weights are missing fails before the clip is generated.
            services.Estimators.Create(settings.Method, settings.WeightsPath, settings.LandmarksPath).Dispose();
            try
            {
                if (generated is not null)
                {
                    await DemoClip.WriteAsync(generated, GeneratedDelayMs, durationSeconds: 20, width: 640, height: 360, ct).ConfigureAwait(false);
                }

                var options = new LiveBenchmarkOptions
                {
                    MediaPath = parseResult.GetValue(media) ?? generated!,
                    StreamCounts = parseResult.GetValue(streams)!,
                    MeasureSeconds = parseResult.GetValue(measure) ?? 30,
                    Live = live,
                };
                var benchmark = new LiveBenchmark(() => new WindowScorer(services.Estimators.Create(settings.Method, settings.WeightsPath, settings.LandmarksPath), live));
                var result = await benchmark.RunAsync(options, line => services.Error.WriteLine($"avts: {line}"), ct).ConfigureAwait(false);
                await BenchOutput.WriteAsync(result, parseResult.GetValue(json), parseResult.GetValue(format)!, LiveBenchmarkTable.Format, services, ct).ConfigureAwait(false);
                return result.MaxStreamsHeld > 0 ? ExitCodes.Pass : ExitCodes.Error;
            }
            finally
            {
                if (generated is not null)
                {
                    File.Delete(generated);
                }
            }
        }, cancellationToken));
        return command;
    }

    private static int[] ParseCounts(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 256)
            {
                result.AddError($"--streams needs whole numbers 1-256, got '{part}'.");
                return [];
            }

            values.Add(n);
        }

        return [.. values.Distinct().Order()];
    }
}
