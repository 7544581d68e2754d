using System.CommandLine;
using System.Globalization;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Training.Calibration;

namespace Avts.Training.Commands;

/// <summary><c>avts-train calibrate</c>: fits the AVTS estimator's confidence table on held-out videos and measures its ECE.</summary>
public static class CalibrateCommand
{
    /// <summary>Builds the <c>calibrate</c> command; the report goes to <paramref name="output"/>, progress and errors to <paramref name="error"/>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var defaults = new AnalysisOptions();
        var weightsOption = new Option<string>("--weights") { Description = "Checkpoint (.bin) with its .card.json next to it.", Required = true };
        var dataOption = new Option<string>("--data") { Description = "In-sync videos the table is fitted on (a folder or a clip cache; not training videos).", Required = true };
        var heldOutOption = new Option<string?>("--held-out") { Description = "In-sync videos the ECE is measured on; without it the ECE is in-sample (said so)." };
        var shiftsOption = new Option<string>("--shifts") { Description = "Injected audio shifts in ms, comma-separated (positive = audio later).", DefaultValueFactory = _ => string.Join(',', CalibrationSampler.DefaultShiftsMs.Select(s => s.ToString(CultureInfo.InvariantCulture))) };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the window starts.", DefaultValueFactory = _ => 1 };
        var windowOption = new Option<double>("--window") { Description = "Analysis window in seconds (calibrate for the window you analyse with).", DefaultValueFactory = _ => defaults.WindowSeconds };
        var rangeOption = new Option<double>("--range") { Description = "Largest audio delay searched each way, seconds.", DefaultValueFactory = _ => defaults.RangeSeconds };
        var writeOption = new Option<bool>("--write") { Description = "Store the table and metrics in the card next to --weights (atomically; weights untouched)." };
        var formatOption = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json");
        var shortOption = new Option<double?>("--short-window") { Description = "Windows shorter than this many seconds get their own table (default 0.75 x --window; 0 = one table)." };
        var windowsOption = new Option<string?>("--windows") { Description = "Also write every scored window (fit and measured) to this CSV file." };
        var deviceOption = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };

        var calibrate = new Command("calibrate", "Fit the estimator's confidence (raw score -> P(within ±40 ms)) on held-out videos with injected shifts; report ECE.");
        foreach (var option in new Option[] { weightsOption, dataOption, heldOutOption, shiftsOption, seedOption, windowOption, rangeOption, writeOption, formatOption, shortOption, windowsOption, deviceOption })
        {
            calibrate.Options.Add(option);
        }

        calibrate.SetAction(async (parseResult, cancellationToken) =>
        {
            var range = parseResult.GetValue(rangeOption);
            var window = parseResult.GetValue(windowOption);
            CalibrationOptions options;
            try
            {
                AvtsModel.ResolveDevice(parseResult.GetValue(deviceOption) ?? "auto");
                if (!(range > 0) || !(window > 0))
                {
                    throw new ArgumentException("--window and --range must be positive seconds");
                }

                if (parseResult.GetValue(shortOption) is { } shortLimit && !(shortLimit >= 0 && shortLimit <= window))
                {
                    throw new ArgumentException("--short-window must be between 0 and --window seconds");
                }

                options = new CalibrationOptions
                {
                    Weights = parseResult.GetValue(weightsOption) ?? "",
                    Data = parseResult.GetValue(dataOption) ?? "",
                    HeldOut = parseResult.GetValue(heldOutOption),
                    ShiftsMs = ParseShifts(parseResult.GetValue(shiftsOption) ?? "", range),
                    Seed = parseResult.GetValue(seedOption),
                    Analysis = defaults with { WindowSeconds = window, RangeSeconds = range },
                    Device = parseResult.GetValue(deviceOption) ?? "auto",
                    Write = parseResult.GetValue(writeOption),
                    ShortWindowSeconds = parseResult.GetValue(shortOption),
                };
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"avts-train: {TrainCli.OneLine(ex.Message)}");
                return TrainCli.UsageExitCode;
            }

            if (!File.Exists(options.Weights))
            {
                error.WriteLine($"avts-train: weights '{options.Weights}' do not exist");
                return 1;
            }

            foreach (var folder in new[] { options.Data, options.HeldOut }.OfType<string>())
            {
                if (!Directory.Exists(folder))
                {
                    error.WriteLine($"avts-train: data folder '{folder}' does not exist");
                    return 1;
                }
            }

            return await TrainCli.GuardAsync(error, "cancelled (the card was not changed)", async () =>
            {
                var run = await CalibrationRun.RunAsync(options, error, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(windowsOption) is { Length: > 0 } windowsPath)
                {
                    AtomicFile.WriteAllText(windowsPath, CalibrationReport.WindowsCsv(run));
                }

                output.Write(parseResult.GetValue(formatOption) == "json" ? CalibrationReport.Json(run) + Environment.NewLine : CalibrationReport.Table(run));
                return 0;
            }, cancellationToken).ConfigureAwait(false);
        });
        return calibrate;
    }

    /// <summary>
    /// Parses "0,120,-120" (ms, invariant culture) into distinct shifts, each at least 100 ms inside ±<paramref name="rangeSeconds"/>
    /// so the true minimum is an interior point of the searched curve; throws <see cref="ArgumentException"/> otherwise.
    /// </summary>
    internal static List<double> ParseShifts(string text, double rangeSeconds)
    {
        var limitMs = (rangeSeconds * 1000) - 100;
        var shifts = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var shift) || !double.IsFinite(shift))
            {
                throw new ArgumentException($"--shifts: '{part}' is not a number of milliseconds");
            }

            if (Math.Abs(shift) > limitMs)
            {
                throw new ArgumentException($"--shifts: {part} ms is outside ±{limitMs.ToString(CultureInfo.InvariantCulture)} ms (100 ms inside --range)");
            }

            if (!shifts.Contains(shift))
            {
                shifts.Add(shift);
            }
        }

        return shifts.Count > 0 ? shifts : throw new ArgumentException("--shifts: give at least one shift in ms, e.g. 0,120,-120");
    }
}
