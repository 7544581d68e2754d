using Avts.Engine;
using System.CommandLine;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Training;

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
        root.Subcommands.Add(CalibrateCommand.Create(output, error));
        root.Subcommands.Add(BenchCommand.Create(output, error));
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

    /// <summary>
    /// Runs a command body and maps failures to exit codes with one line on stderr: cancellation 130 (with
    /// <paramref name="cancelled"/>), bad input (missing or unreadable files, bad data, a model card that does not
    /// match, ffmpeg failures) 1, anything unexpected 1 as "internal error".
    /// </summary>
    public static async Task<int> GuardAsync(TextWriter error, string cancelled, Func<Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"avts-train: {cancelled}");
            return 130;
        }
        catch (Exception ex) when (ex is TrainingDataException or ModelCardException or IOException or UnauthorizedAccessException or MediaInputException)
        {
            error.WriteLine($"avts-train: {OneLine(ex.Message)}");
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"avts-train: internal error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return 1;
        }
    }

    /// <summary>Joins a multi-line message into one line.</summary>
    public static string OneLine(string message) => MessageText.OneLine(message);
}
