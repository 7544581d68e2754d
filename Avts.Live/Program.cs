using Avts.Engine.Model;
using Avts.Live.Cli;

OpenMpWaitPolicy.PreferPassive();

// Data goes to stdout, messages to stderr; exit codes are listed in Cli/ExitCodes.cs and docs/cli.md.
return await AvtsCli.RunAsync(
    args,
    CliServices.CreateDefault(Console.Out, Console.Error) with { ErrorIsTerminal = !Console.IsErrorRedirected });
