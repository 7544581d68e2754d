using System.CommandLine;
using System.Globalization;
using Avts.Training.Corpus;

namespace Avts.Training.Commands;

/// <summary><c>avts-train corpus synth</c>: renders a synthetic in-sync audio-visual corpus (<c>corpus index</c>: see <see cref="IndexCommand"/>).</summary>
public static class CorpusCommand
{
    /// <summary>Builds the <c>corpus</c> command; output and errors go to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string>("--out") { Description = "Folder for the clips, manifest.jsonl and corpus.json.", Required = true };
        var countOption = new Option<int>("--count") { Description = "Number of clips.", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Corpus seed: the same seed gives the same clips.", DefaultValueFactory = _ => 1 };
        var speechOption = new Option<string?>("--speech") { Description = "Folder of speech recordings for the talking-face clips (default: synthetic syllables)." };
        var durationOption = new Option<double>("--duration") { Description = "Clip length in seconds.", DefaultValueFactory = _ => 3.0 };
        var maxWidthOption = new Option<int>("--max-width") { Description = "Largest frame width (160-320; height is 3/4).", DefaultValueFactory = _ => 320 };
        var quietOption = new Option<bool>("--quiet", "-q") { Description = "No per-clip progress lines." };

        var synth = new Command("synth", "Render N synthetic in-sync clips (talking face, bouncing ball, flashes with tones) with nuisances.");
        synth.Options.Add(outOption);
        synth.Options.Add(countOption);
        synth.Options.Add(seedOption);
        synth.Options.Add(speechOption);
        synth.Options.Add(durationOption);
        synth.Options.Add(maxWidthOption);
        synth.Options.Add(quietOption);
        synth.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new CorpusOptions
            {
                OutputDirectory = parseResult.GetValue(outOption) ?? "",
                Count = parseResult.GetValue(countOption),
                Seed = parseResult.GetValue(seedOption),
                SpeechDirectory = parseResult.GetValue(speechOption),
                DurationSeconds = parseResult.GetValue(durationOption),
                MaxWidth = parseResult.GetValue(maxWidthOption),
            };
            if (CorpusGenerator.Validate(options) is { } problem)
            {
                error.WriteLine($"avts-train: {problem}");
                return TrainCli.UsageExitCode;
            }

            return await TrainCli.GuardAsync(error, "cancelled", async () =>
            {
                var summary = await CorpusGenerator.GenerateAsync(options, parseResult.GetValue(quietOption) ? null : output, cancellationToken).ConfigureAwait(false);
                var perClipSecond = summary.ClipSeconds > 0 ? summary.CpuSeconds / summary.ClipSeconds : 0;
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"corpus: {summary.Rendered} rendered, {summary.Skipped} kept, {summary.WallSeconds:0.0} s wall, {summary.CpuSeconds:0.0} s CPU ({perClipSecond:0.000} CPU s per clip second) -> {Path.GetFullPath(options.OutputDirectory)}"));
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });

        var corpus = new Command("corpus", "Build training corpora.");
        corpus.Subcommands.Add(synth);
        corpus.Subcommands.Add(IndexCommand.Create(output, error));
        return corpus;
    }
}
