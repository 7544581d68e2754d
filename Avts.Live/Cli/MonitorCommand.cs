using System.CommandLine;
using System.Reactive.Concurrency;
using Avts.Live.Monitor;
using Avts.Live.Pipeline;
using Avts.Live.Sources;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts monitor URL...</c>: watches live inputs (stream URLs, capture devices, files replayed in real time) and
/// prints one line per window per stream until Ctrl-C, <c>--for</c> elapses, or every finite input has ended.
/// </summary>
internal static class MonitorCommand
{
    /// <summary>Builds <c>monitor</c>.</summary>
    public static Command Create(CliServices services)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Stream URLs (rtsp://, rtmp://, srt://, http(s):// HLS, udp://), capture devices "
                + "(v4l2:/dev/video0+pulse:default, pulse:SOURCE, alsa:DEVICE, dshow:video=NAME:audio=NAME) or files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var names = new Option<string[]>("--name", "-n")
        {
            Description = "Display name of each input, in order (repeatable) [default: derived from the input].",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format", "-f") { Description = "text or jsonl.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var loop = new Option<bool>("--loop") { Description = "Replay file inputs in a loop." };
        var asFastAsPossible = new Option<bool>("--no-realtime") { Description = "Read file inputs as fast as possible instead of at real-time pace." };
        var injectDelay = new Option<string?>("--inject-delay")
        {
            Description = "Add an audio delay to file inputs (demos, tests): MS, MS@S,MS@S... or cycle:MS,MS...@S.",
        };
        injectDelay.Validators.Add(r =>
        {
            try
            {
                _ = DelaySchedule.Parse(r.GetValueOrDefault<string?>() ?? "0");
            }
            catch (FormatException ex)
            {
                r.AddError($"--inject-delay: {ex.Message}");
            }
        });
        var transport = new Option<RtspTransport>("--transport") { Description = "RTSP transport.", DefaultValueFactory = _ => RtspTransport.Auto };
        var runFor = new Option<double?>("--for")
        {
            Description = "Stop after this many seconds (default: until Ctrl-C or every finite input ended).",
            CustomParser = r => AnalysisOptionSet.ParseNumber(r, "--for"),
        };
        var giveUp = new Option<int>("--give-up-after")
        {
            Description = "Declare a stream failed after this many reconnects in a row without media (0 = keep trying).",
            DefaultValueFactory = _ => 0,
        };
        giveUp.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--give-up-after must be 0 or more.");
            }
        });
        var analysis = new AnalysisOptionSet(services.Estimators);

        var command = new Command("monitor", "Watch live inputs: one line per window per stream (delay, confidence, state, drift, alert).");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { names, format, loop, asFastAsPossible, injectDelay, transport, runFor, giveUp })
        {
            command.Options.Add(option);
        }

        analysis.AddTo(command, includeSpan: false);
        command.Validators.Add(result =>
        {
            var given = result.GetValue(names) ?? [];
            var count = result.GetValue(inputs)?.Length ?? 0;
            if ((result.GetValue(inputs) ?? []).Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("INPUT is empty; give a stream URL, capture device or file.");
            }

            if (given.Length > count)
            {
                result.AddError($"{given.Length} names for {count} inputs.");
            }

            if (given.Distinct(StringComparer.Ordinal).Count() != given.Length)
            {
                result.AddError("--name values must be unique.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var settings = analysis.Read(parseResult);
            var options = analysis.ReadLive(parseResult) with { MaxReconnectAttempts = parseResult.GetValue(giveUp) };
            var schedule = parseResult.GetValue(injectDelay) is { } text ? DelaySchedule.Parse(text) : null;
            var sources = CreateSources(
                parseResult.GetValue(inputs)!,
                parseResult.GetValue(names) ?? [],
                input => input with
                {
                    RealTime = input.IsFile && !parseResult.GetValue(asFastAsPossible),
                    Loop = input.IsFile && parseResult.GetValue(loop),
                    AudioDelay = input.IsFile ? schedule : null,
                    Transport = parseResult.GetValue(transport),
                });
            // A missing file will not appear by retrying: say so at once instead of reconnecting forever.
            if (sources.OfType<FfmpegLiveSource>().FirstOrDefault(s => s.Input.IsFile && !File.Exists(LocalPath(s.Input.Location))) is { } missing)
            {
                throw new FileNotFoundException($"{missing.Input.Location}: no such file");
            }

            using var scorer = new WindowScorer(services.Estimators.Create(settings.Method, settings.WeightsPath, settings.LandmarksPath), options);
            var writer = new LiveLineWriter(services.Out, parseResult.GetValue(format) == "jsonl" ? LiveOutputFormat.Jsonl : LiveOutputFormat.Text);
            var run = new MonitorRun(sources, scorer, options, Scheduler.Default);
            var limit = parseResult.GetValue(runFor) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var outcome = await run.RunAsync(writer.Write, writer.Write, limit, ct).ConfigureAwait(false);
            return outcome.AllFailed ? ExitCodes.Error : ExitCodes.Pass;
        }, cancellationToken));
        return command;
    }

    /// <summary>One source per input, named by <paramref name="names"/> or after the input.</summary>
    internal static IReadOnlyList<ILiveSource> CreateSources(
        IReadOnlyList<string> inputs, IReadOnlyList<string> names, Func<LiveInput, LiveInput> configure)
    {
        var sources = new List<ILiveSource>(inputs.Count);
        var used = new HashSet<string>(names, StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var name = i < names.Count ? names[i] : UniqueName(DefaultName(inputs[i]), used);
            sources.Add(LiveSourceFactory.Create(name, configure(new LiveInput(inputs[i]))));
        }

        return sources;
    }

    /// <summary>A short name for an input: the file name without extension, or the last path segment of a URL.</summary>
    internal static string DefaultName(string input)
    {
        var trimmed = input.TrimEnd('/');
        var cut = Math.Max(trimmed.LastIndexOf('/'), trimmed.LastIndexOf(':'));
        var last = cut >= 0 && cut < trimmed.Length - 1 ? trimmed[(cut + 1)..] : trimmed;
        var name = Path.GetFileNameWithoutExtension(last);
        return string.IsNullOrWhiteSpace(name) ? "stream" : name;
    }

    private static string LocalPath(string location) =>
        location.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? location["file:".Length..] : location;

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }
}
