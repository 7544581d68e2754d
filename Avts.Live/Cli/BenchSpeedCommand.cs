using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Engine.Benchmarks;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Live.Benchmarks;
using Avts.Live.Monitor;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench speed</c>: offline check speed against ffmpeg's decode-only time, the AVTS estimator's cost per 1 s
/// window for each model size (with multiply-adds counted from the layer shapes), and the machine's matrix-multiply
/// rate as the yardstick. Without --media it generates a 640x360 25 fps H.264 + AAC flash/beep clip.
/// </summary>
internal static class BenchSpeedCommand
{
    private const int DefaultCheckRuns = 3;
    private const int DefaultInferenceRuns = 10;
    private const double GeneratedPieceSeconds = 20;

    private static readonly Dictionary<string, AvtsModelOptions> Sizes = new(StringComparer.OrdinalIgnoreCase)
    {
        [AvtsModelOptions.NanoArchitecture] = AvtsModelOptions.Nano,
        [AvtsModelOptions.TinyArchitecture] = AvtsModelOptions.Tiny,
        [AvtsModelOptions.Mc318Architecture] = AvtsModelOptions.Mc318,
        [AvtsModelOptions.LipsArchitecture] = AvtsModelOptions.Lips,
    };

    /// <summary>Builds <c>bench speed</c>.</summary>
    public static Command Create(CliServices services)
    {
        var media = new Option<string?>("--media") { Description = "File to check [default: a generated 640x360 25 fps H.264 + AAC clip of --duration seconds].", HelpName = "FILE" };
        var method = new Option<string>("--method", "-m") { Description = "Method of the check rows.", DefaultValueFactory = _ => services.Estimators.DefaultName };
        method.AcceptOnlyFromAmong([.. services.Estimators.Names]);
        var duration = new Option<double?>("--duration") { Description = "Length of the generated clip, seconds [default: 60].", CustomParser = r => AnalysisOptionSet.ParsePositive(r, "--duration") };
        var sizes = new Option<string[]>("--sizes")
        {
            Description = $"Model sizes to time, comma-separated ({string.Join(", ", Sizes.Keys)}); empty = no inference rows.",
            DefaultValueFactory = _ => [.. Sizes.Keys],
            CustomParser = ParseSizes,
        };
        var repeats = new Option<int?>("--repeats") { Description = $"Timed runs of every step [default: {DefaultCheckRuns} per check step, {DefaultInferenceRuns} per model].", CustomParser = r => AnalysisOptionSet.ParseWholeNumber(r, "--repeats", 1, 1000) };
        var threads = new Option<int?>("--threads") { Description = "torch.set_num_threads for inference and the matmul peak [default: torch's own, 2 here].", CustomParser = r => AnalysisOptionSet.ParseWholeNumber(r, "--threads", 1, 256) };
        var range = new Option<double?>("--range") { Description = "Largest delay searched each way per window, seconds [default: 1].", CustomParser = r => AnalysisOptionSet.ParsePositive(r, "--range") };
        var weights = new Option<string?>("--weights") { Description = "Time this checkpoint (its card gives the size) instead of untrained --sizes.", HelpName = "FILE" };
        var noCheck = new Option<bool>("--no-check") { Description = "Skip the offline check rows (inference and peak only)." };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file.", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("speed", "Check speed vs ffmpeg decode, inference ms per 1 s window by model size, FLOPs and share of the matmul peak.");
        foreach (var option in new Option[] { media, method, duration, sizes, repeats, threads, range, weights, noCheck, json, format })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(weights) is { Implicit: false } && result.GetResult(sizes) is { Implicit: false })
            {
                result.AddError("use either --sizes (untrained models) or --weights (one checkpoint), not both.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var runs = parseResult.GetValue(repeats);
            var rows = new List<SpeedRow>();
            var mediaText = "-";
            if (!parseResult.GetValue(noCheck))
            {
                var (checkRows, description) = await RunCheckAsync(
                    services, parseResult.GetValue(media), parseResult.GetValue(method)!, parseResult.GetValue(duration) ?? 60, runs ?? DefaultCheckRuns, ct).ConfigureAwait(false);
                rows.AddRange(checkRows);
                mediaText = description;
            }

            var models = parseResult.GetValue(weights) is { } path
                ? [new InferenceBenchmarkOptions { WeightsPath = path }]
                : parseResult.GetValue(sizes)!.Select(s => new InferenceBenchmarkOptions { Model = Sizes[s] });
            var settings = models.Select(model => model with { RangeSeconds = parseResult.GetValue(range) ?? 1, Runs = runs ?? DefaultInferenceRuns }).ToList();

            // Every torch call of the measurement runs on one dedicated thread: libtorch's OpenMP keeps a team of worker
            // threads per calling thread, and with the peak measured on one thread and the models timed on another,
            // the two teams shared the two cores and every model timed about twice as slow as on a single thread.
            var (inference, peak, torchThreads) = await Task.Factory.StartNew(() => MeasureModels(settings, parseResult.GetValue(threads), services, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            rows.AddRange(inference.Select(row => row with { PercentOfPeak = Timings.Round(100 * row.GflopPerSecond / peak.GflopPerSecond, 1) }));
            rows.Add(peak);
            var result = new SpeedBenchmarkResult("speed", LiveBenchmark.MachineDescription(), torchThreads, mediaText, rows);
            await BenchOutput.WriteAsync(result, parseResult.GetValue(json), parseResult.GetValue(format)!, SpeedBenchmarkTable.Format, services, ct).ConfigureAwait(false);
            return ExitCodes.Pass;
        }, cancellationToken));
        return command;
    }

    /// <summary>The matmul peak and every model, on the calling thread; also the torch thread count that thread used.</summary>
    private static (List<InferenceTimingRow> Rows, MatmulPeakRow Peak, int Threads) MeasureModels(IReadOnlyList<InferenceBenchmarkOptions> models, int? threads, CliServices services, CancellationToken ct)
    {
        if (threads is { } n)
        {
            TorchThreads.Set(n);
        }

        services.Error.WriteLine("avts: measuring the matrix-multiply peak");
        var peakBefore = MatmulPeak.MeasureBest();
        var rows = new List<InferenceTimingRow>();
        foreach (var model in models)
        {
            services.Error.WriteLine($"avts: timing {model.WeightsPath ?? model.Model.Architecture}");
            rows.Add(InferenceBenchmark.Run(model, ct));
        }

        // Measured before and after the models and the faster kept: on a shared machine one measurement right after
        // the check steps came out at less than half the usual rate, which put mc3-18 at 220 % of "peak".
        return (rows, new[] { peakBefore, MatmulPeak.MeasureBest() }.MaxBy(p => p.GflopPerSecond)!, TorchThreads.Count);
    }

    private static async Task<(IReadOnlyList<CheckTimingRow> Rows, string Media)> RunCheckAsync(
        CliServices services, string? media, string method, double durationSeconds, int runs, CancellationToken ct)
    {
        var folder = media is null ? Directory.CreateTempSubdirectory("avts-bench-speed-").FullName : null;
        try
        {
            var path = media;
            if (folder is not null)
            {
                services.Error.WriteLine(FormattableString.Invariant($"avts: generating a {durationSeconds:0.##} s 640x360 25 fps clip"));
                path = await GenerateClipAsync(folder, durationSeconds, ct).ConfigureAwait(false);
            }

            services.Error.WriteLine($"avts: timing ffmpeg decode, avts decode and avts check --method {method}");
            var (rows, probe) = await new CheckSpeedBenchmark(services.Checker(verbose: false)).RunAsync(path!, method, runs, ct).ConfigureAwait(false);
            var video = probe.Info.Video;
            var size = video is null ? "" : FormattableString.Invariant($", {video.Width}x{video.Height} {video.FrameRate:0.##} fps {video.Codec}");
            return (rows, (media is null ? "generated flash/beep clip" : media) + size);
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The demo clip, or for more than <see cref="GeneratedPieceSeconds"/> a piece of it repeated without re-encoding:
    /// the demo's per-pixel flash expression makes a 60 s encode take over a minute on a busy 2-core machine (long
    /// enough to trip the ffmpeg stall watchdog), and decoding cost does not care that the content repeats.
    /// </summary>
    private static async Task<string> GenerateClipAsync(string folder, double durationSeconds, CancellationToken ct)
    {
        var path = Path.Combine(folder, "speed.mp4");
        if (durationSeconds <= GeneratedPieceSeconds)
        {
            await DemoClip.WriteAsync(path, delayMs: 80, durationSeconds, width: 640, height: 360, ct).ConfigureAwait(false);
            return path;
        }

        var piece = Path.Combine(folder, "piece.mp4");
        await DemoClip.WriteAsync(piece, delayMs: 80, GeneratedPieceSeconds, width: 640, height: 360, ct).ConfigureAwait(false);
        var loops = (int)Math.Ceiling(durationSeconds / GeneratedPieceSeconds) - 1;
        string[] arguments =
        [
            "-hide_banner", "-nostdin", "-v", "error", "-y", "-stream_loop", loops.ToString(CultureInfo.InvariantCulture), "-i", piece,
            "-t", FfmpegProcess.Seconds(durationSeconds), "-c", "copy", path,
        ];
        var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, readStdout: null, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"could not repeat the generated clip: {result.LastErrorLine}");
        }

        return path;
    }

    private static string[] ParseSizes(ArgumentResult result)
    {
        var values = new List<string>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Sizes.ContainsKey(part))
            {
                result.AddError($"--sizes: unknown model size '{part}' (known: {string.Join(", ", Sizes.Keys)}).");
                return [];
            }

            values.Add(part.ToLowerInvariant());
        }

        return [.. values.Distinct()];
    }
}
