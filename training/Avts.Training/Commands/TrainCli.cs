using System.CommandLine;

namespace Avts.Training.Commands;

/// <summary>The avts-train command line: parse errors are exit code 2 with one line on stderr.</summary>
public static class TrainCli
{
    /// <summary>Exit code for bad command lines and options.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("avts-train: builds training corpora for the AVTS audio-visual sync network and trains it.");
        root.Subcommands.Add(CorpusCommand.Create(output, error));
        root.Subcommands.Add(TrainCommand.Create(output, error));
        root.Subcommands.Add(EvalCommand.Create(output, error));
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // System.CommandLine would print help and return 1; here it is one line and the usage code.
            error.WriteLine($"avts-train: {OneLine(parseResult.Errors[0].Message)} (see avts-train --help)");
            return UsageExitCode;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Joins a multi-line message into one line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', (message ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
