using System.CommandLine;
using System.Globalization;
using Avts.Training.Index;
using Avts.Training.Training;

namespace Avts.Training.Commands;

/// <summary><c>avts-train corpus index</c>: decodes a folder of real videos once into a resumable clip cache.</summary>
public static class IndexCommand
{
    /// <summary>Builds the <c>index</c> subcommand; the summary goes to <paramref name="output"/>, progress, skips and errors to <paramref name="error"/>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var dirArgument = new Argument<string>("DIR") { Description = "Folder of videos (mp4 mkv webm mov avi mpg ...)." };
        var outOption = new Option<string>("--out") { Description = "Cache folder (avts-cache.json + avts-cache.bin); an existing cache is continued.", Required = true };
        var recursiveOption = new Option<bool>("--recursive", "-r") { Description = "Also index sub-folders." };
        var maxSecondsOption = new Option<double>("--max-seconds") { Description = "At most S seconds per video (a seeded window of longer ones); 0 = whole files." };
        var seedOption = new Option<int>("--seed") { Description = "Seed of where --max-seconds windows start.", DefaultValueFactory = _ => 1 };
        var configOption = new Option<string?>("--config") { Description = "Training config whose model and decode_width the clips are for (default: tiny model, width 96)." };
        var quietOption = new Option<bool>("--quiet", "-q") { Description = "No per-video progress lines (skips are still logged)." };

        var index = new Command("index", "Decode a folder of videos into a compact, resumable clip cache the trainer and eval read as a data folder.");
        index.Arguments.Add(dirArgument);
        index.Options.Add(outOption);
        index.Options.Add(recursiveOption);
        index.Options.Add(maxSecondsOption);
        index.Options.Add(seedOption);
        index.Options.Add(configOption);
        index.Options.Add(quietOption);
        index.SetAction(async (parseResult, cancellationToken) =>
        {
            IndexOptions options;
            try
            {
                var config = parseResult.GetValue(configOption) is { } path ? TrainingConfig.Load(path) : new TrainingConfig();
                var maxSeconds = parseResult.GetValue(maxSecondsOption);
                if (!(maxSeconds >= 0) || double.IsInfinity(maxSeconds))
                {
                    error.WriteLine("avts-train: --max-seconds must be 0 (whole files) or a positive number of seconds");
                    return TrainCli.UsageExitCode;
                }

                options = new IndexOptions
                {
                    InputDirectory = parseResult.GetValue(dirArgument) ?? "",
                    OutputDirectory = parseResult.GetValue(outOption) ?? "",
                    Recursive = parseResult.GetValue(recursiveOption),
                    MaxSeconds = maxSeconds,
                    Seed = parseResult.GetValue(seedOption),
                    Model = config.ModelOptions(),
                    DecodeWidth = config.DecodeWidth,
                };
            }
            catch (TrainingConfigException ex)
            {
                error.WriteLine($"avts-train: {TrainCli.OneLine(ex.Message)}");
                return TrainCli.UsageExitCode;
            }

            return await TrainCli.GuardAsync(error, "cancelled (rerun the same command to continue)", async () =>
            {
                var summary = await new CorpusIndexer(options, error, parseResult.GetValue(quietOption)).RunAsync(cancellationToken).ConfigureAwait(false);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"index: {summary.Indexed} indexed, {summary.Skipped} skipped, {summary.AlreadyDone} already done; {summary.TotalClips} clips, {summary.DataBytes / 1048576.0:0.0} MiB in {Path.GetFullPath(options.OutputDirectory)} ({summary.WallSeconds:0.0} s)"));
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return index;
    }
}
