using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Avts.Live.Pipeline;

namespace Avts.Live.Cli;

/// <summary>
/// The options every measuring command shares (check, fix, and later bench): method, windowing, search range,
/// profile or custom tolerance, and the part of the input to read. Bad values are parse errors (exit code 2).
/// </summary>
internal sealed class AnalysisOptionSet
{
    /// <summary>Creates the options; <paramref name="estimators"/> supplies the <c>--method</c> choices.</summary>
    public AnalysisOptionSet(EstimatorRegistry estimators)
    {
        var defaults = new AnalysisOptions();
        Method = new Option<string>("--method", "-m")
        {
            Description = "Estimator to use.",
            DefaultValueFactory = _ => estimators.DefaultName,
        };
        Method.AcceptOnlyFromAmong([.. estimators.Names]);
        Window = Seconds("--window", $"Analysis window length in seconds [default: {defaults.WindowSeconds}].", allowZero: false);
        Hop = Seconds("--hop", $"Hop between window starts in seconds [default: {defaults.HopSeconds}].", allowZero: false);
        Range = Seconds("--range", "Largest audio delay searched each way, in seconds.", allowZero: false);
        Range.DefaultValueFactory = _ => defaults.RangeSeconds;
        Start = Seconds("--start", "Analyse from this time in seconds (container timeline).", allowZero: true);
        Duration = Seconds("--duration", "Analyse at most this many seconds.", allowZero: false);
        Profile = new Option<string>("--profile", "-p")
        {
            Description = "Tolerance profile for the verdict (see docs/cli.md; netflix = under one frame).",
            DefaultValueFactory = _ => ToleranceProfiles.DefaultName,
        };
        Profile.AcceptOnlyFromAmong([.. ToleranceProfiles.Names]);
        Weights = WeightsOption();
        Landmarks = new Option<string?>("--landmarks")
        {
            Description = $"dlib 68-point landmark model for --method lips [default: {Engine.Vision.Landmarks.ShapePredictor.DefaultModelPath}, Debian's libdlib-data; trained on iBUG 300-W, non-commercial terms].",
            HelpName = "FILE",
        };
        Tolerance = new Option<ToleranceProfile?>("--tolerance")
        {
            Description = "Custom allowed range MIN,MAX in ms, negative = sound early, positive = sound late "
                + "(e.g. --tolerance=-60,+40). Replaces --profile.",
            HelpName = "MIN,MAX",
            CustomParser = ParseTolerance,
        };
    }

    /// <summary><c>--method</c>.</summary>
    public Option<string> Method { get; }

    /// <summary><c>--weights</c> file of the AVTS network (null = default lookup).</summary>
    public Option<string?> Weights { get; }

    /// <summary><c>--landmarks</c> file of the 68-point landmark model (null = Debian's).</summary>
    public Option<string?> Landmarks { get; }

    /// <summary><c>--window</c> seconds (null = estimator default).</summary>
    public Option<double?> Window { get; }

    /// <summary><c>--hop</c> seconds (null = estimator default).</summary>
    public Option<double?> Hop { get; }

    /// <summary><c>--range</c> seconds.</summary>
    public Option<double?> Range { get; }

    /// <summary><c>--start</c> seconds.</summary>
    public Option<double?> Start { get; }

    /// <summary><c>--duration</c> seconds.</summary>
    public Option<double?> Duration { get; }

    /// <summary><c>--profile</c> name.</summary>
    public Option<string> Profile { get; }

    /// <summary><c>--tolerance=MIN,MAX</c>.</summary>
    public Option<ToleranceProfile?> Tolerance { get; }

    /// <summary>
    /// Adds the options (and the --profile/--tolerance exclusivity check) to <paramref name="command"/>;
    /// <paramref name="includeSpan"/> false leaves out --start/--duration (live inputs have no fixed span).
    /// </summary>
    public void AddTo(Command command, bool includeSpan = true)
    {
        Option[] options = includeSpan
            ? [Method, Weights, Landmarks, Window, Hop, Range, Profile, Tolerance, Start, Duration]
            : [Method, Weights, Landmarks, Window, Hop, Range, Profile, Tolerance];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(Tolerance) is { } && result.GetResult(Profile) is { Implicit: false })
            {
                result.AddError("use either --profile or --tolerance, not both.");
            }
        });
    }

    /// <summary>Reads the settings after a successful parse.</summary>
    public CheckSettings Read(ParseResult parseResult)
    {
        var analysis = new AnalysisOptions();
        analysis = analysis with
        {
            WindowSeconds = parseResult.GetValue(Window) ?? analysis.WindowSeconds,
            HopSeconds = parseResult.GetValue(Hop) ?? analysis.HopSeconds,
            RangeSeconds = parseResult.GetValue(Range) ?? analysis.RangeSeconds,
        };
        var decode = new DecodeOptions
        {
            StartSeconds = parseResult.GetValue(Start),
            DurationSeconds = parseResult.GetValue(Duration),
        };
        return new CheckSettings(
            parseResult.GetValue(Method)!,
            analysis,
            decode,
            parseResult.GetValue(Profile)!,
            parseResult.GetValue(Tolerance))
        {
            WeightsPath = parseResult.GetValue(Weights),
            LandmarksPath = parseResult.GetValue(Landmarks),
        };
    }

    /// <summary>
    /// The live pipeline's options from --window/--hop/--range and --profile/--tolerance; what is not given keeps the
    /// live defaults (4 s windows every 1 s, ±1 s), which differ from the offline check's.
    /// </summary>
    public LiveOptions ReadLive(ParseResult parseResult)
    {
        var defaults = new LiveOptions();
        return defaults with
        {
            WindowSeconds = parseResult.GetValue(Window) ?? defaults.WindowSeconds,
            HopSeconds = parseResult.GetValue(Hop) ?? defaults.HopSeconds,
            RangeSeconds = parseResult.GetResult(Range) is { Implicit: false } ? parseResult.GetValue(Range)!.Value : defaults.RangeSeconds,
            Tolerance = Read(parseResult).ResolveProfile(frameRate: null),
        };
    }

    /// <summary>The <c>--weights FILE</c> option (shared with bench).</summary>
    internal static Option<string?> WeightsOption() => new("--weights")
    {
        Description = $"Network weights for --method avts/auto [default: ${AvtsWeights.EnvironmentVariable}, else {AvtsWeights.DefaultRelativePath}] "
            + $"or lips [default: ${AvtsWeights.LipsEnvironmentVariable}, else {AvtsWeights.LipsRelativePath}; ${AvtsWeights.LipsSecondEnvironmentVariable} "
            + $"adds a second opinion, e.g. {AvtsWeights.LipsSecondRelativePath}], in the current folder or the repository.",
        HelpName = "FILE",
    };

    private static Option<double?> Seconds(string name, string description, bool allowZero) => new(name)
    {
        Description = description,
        HelpName = "S",
        CustomParser = result =>
        {
            // Parsed here rather than validated afterwards: a validator reading an unparsable value throws.
            var value = ParseNumber(result, name);
            if (value is { } v && (v < 0 || (v == 0 && !allowZero)))
            {
                result.AddError($"{name} must be a {(allowZero ? "non-negative" : "positive")} number of seconds, got {result.Tokens[0].Value}.");
            }

            return value;
        },
    };

    /// <summary>Parses an option's single token as a positive finite number (null when absent).</summary>
    internal static double? ParsePositive(ArgumentResult result, string name)
    {
        var value = ParseNumber(result, name);
        if (value is <= 0)
        {
            result.AddError($"{name} must be positive, got {result.Tokens[0].Value}.");
        }

        return value;
    }

    /// <summary>Parses an option's single token as a whole number in [<paramref name="min"/>, <paramref name="max"/>] (null when absent).</summary>
    internal static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {min} to {max}, got '{text}'.");
        return null;
    }

    /// <summary>Parses an option's single token as an invariant-culture finite number (null when absent).</summary>
    internal static double? ParseNumber(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{name} needs a number, got '{text}'.");
        return null;
    }

    private static ToleranceProfile? ParseTolerance(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (ToleranceProfile.TryParseCustom(text, out var profile, out var error))
        {
            return profile;
        }

        result.AddError(error!);
        return null;
    }
}
