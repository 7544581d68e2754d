using Avts.Training.Commands;

// Ctrl+C cancels the run (ffmpeg children are killed, partial files removed) instead of killing the process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await TrainCli.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
