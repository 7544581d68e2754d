using System.CommandLine;
using System.CommandLine.Invocation;
using Avts.Engine;
using Avts.Engine.Media;
using Avts.Engine.Benchmarks.ActionRecognition;
using Avts.Engine.Model;

namespace Avts.Live.Cli;

/// <summary>
/// The avts command line: builds the command tree over <see cref="CliServices"/>, maps parse errors to exit code 2
/// and failures to one line on stderr. To add a command, write a <c>XxxCommand.Create(CliServices)</c> and list it in
/// <see cref="CommandFactories"/>.
/// </summary>
internal static class AvtsCli
{
    /// <summary>The subcommands, in help order.</summary>
    public static IReadOnlyList<Func<CliServices, Command>> CommandFactories { get; } =
    [
        CheckCommand.Create,
        FixCommand.Create,
        MonitorCommand.Create,
        DevicesCommand.Create,
        BenchCommand.Create,
    ];

    /// <summary>Name of the global <c>--verbose</c> option (progress on stderr, stack traces; also AVTS_DEBUG=1).</summary>
    public const string VerboseName = "--verbose";

    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot(CliServices services)
    {
        var root = new RootCommand("Avts: measures how late the sound is relative to the picture, in ms (+ = sound late).");
        // Created per root: a symbol remembers its parents, so one static instance shared by many roots would not do.
        root.Options.Add(new Option<bool>(VerboseName, "-v")
        {
            Description = "Log progress to stderr and show stack traces on errors (also AVTS_DEBUG=1).",
            Recursive = true,
        });
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(services.Out);
        }

        foreach (var factory in CommandFactories)
        {
            root.Subcommands.Add(factory(services));
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliServices services, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRoot(services).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine would print help and return 1; a usage error is 2 here, in one line (the first problem).
            services.Error.WriteLine($"avts: {OneLine(parseResult.Errors[0].Message)} (see avts --help)");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = services.Out,
            Error = services.Error,
            // GuardAsync maps exceptions; the default handler would print a stack trace.
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether verbose output is on (<c>--verbose</c> or AVTS_DEBUG=1).</summary>
    public static bool IsVerbose(ParseResult parseResult, CliServices services) =>
        parseResult.GetValue<bool>(VerboseName) || services.GetEnvironmentVariable("AVTS_DEBUG") is "1" or "true";

    /// <summary>
    /// Runs a command body and turns failures into exit codes and one line on stderr: bad input is 1 with the
    /// message, cancellation is 130, anything unexpected is 1 with "internal error" (stack trace only when verbose).
    /// </summary>
    public static async Task<int> GuardAsync(
        ParseResult parseResult, CliServices services, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            services.Error.WriteLine("avts: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is MediaInputException or IOException or UnauthorizedAccessException or ModelCardException or DatasetLayoutException)
        {
            services.Error.WriteLine($"avts: {OneLine(ex.Message)}");
            Trace(ex);
            return ExitCodes.Error;
        }
        catch (Exception ex)
        {
            services.Error.WriteLine($"avts: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            Trace(ex);
            return ExitCodes.Error;
        }

        void Trace(Exception ex)
        {
            if (IsVerbose(parseResult, services))
            {
                services.Error.WriteLine(ex.ToString());
            }
        }
    }

    // Some System.CommandLine messages list choices on tab-indented lines; stderr gets one line per problem.
    private static string OneLine(string message) => MessageText.OneLine(message);

    /// <summary>Prints "avts VERSION" to the configured output.</summary>
    private sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine($"avts {EngineInfo.Version}");
            return ExitCodes.Pass;
        }
    }
}
