using Avts.Engine.Scoring;

namespace Avts.Engine.Checking;

/// <summary>
/// The estimators selectable with <c>--method</c>, by name. The first one added is the default. Tests register fakes;
/// the real CLI uses <see cref="CreateDefault()"/>.
/// </summary>
public sealed class EstimatorRegistry
{
    private readonly List<KeyValuePair<string, Func<EstimatorFiles, ISyncEstimator>>> _factories = [];

    /// <summary>Registered names in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Select(f => f.Key)];

    /// <summary>The name used when <c>--method</c> is not given.</summary>
    public string DefaultName => _factories.Count > 0
        ? _factories[0].Key
        : throw new InvalidOperationException("No estimator is registered.");

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/> (lower-case, as typed on the command line).</summary>
    public EstimatorRegistry Add(string name, Func<ISyncEstimator> factory) => Add(name, _ => factory());

    /// <summary>
    /// Registers <paramref name="factory"/>, which receives the model files asked for (<c>--weights</c>,
    /// <c>--landmarks</c>; null when not given), under <paramref name="name"/>.
    /// </summary>
    public EstimatorRegistry Add(string name, Func<EstimatorFiles, ISyncEstimator> factory)
    {
        if (_factories.Exists(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Estimator '{name}' is already registered.", nameof(name));
        }

        _factories.Add(new(name, factory));
        return this;
    }

    /// <summary>
    /// A fresh estimator for <paramref name="name"/>; <paramref name="weightsPath"/> is the <c>--weights</c> value and
    /// <paramref name="landmarksPath"/> the <c>--landmarks</c> value (null: each method's default).
    /// </summary>
    /// <exception cref="FileNotFoundException">The estimator needs a model file that is not there (one-line message).</exception>
    public ISyncEstimator Create(string name, string? weightsPath = null, string? landmarksPath = null) =>
        _factories.Find(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Invoke(new EstimatorFiles(weightsPath, landmarksPath))
        ?? throw new ArgumentException($"unknown method '{name}' (known: {string.Join(", ", Names)}).", nameof(name));

    /// <summary>
    /// Why <paramref name="name"/> cannot be used with these model files (unknown method, missing or unreadable
    /// weights or landmark model), in one line; null when it can. Creates the estimator once to find out.
    /// </summary>
    public string? Check(string name, string? weightsPath = null, string? landmarksPath = null)
    {
        try
        {
            using var estimator = Create(name, weightsPath, landmarksPath);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Model.ModelCardException or Vision.Landmarks.LandmarkModelException)
        {
            return MessageText.OneLine(ex.Message);
        }
    }

    /// <summary>
    /// The production estimators: onset (the default until trained weights ship), avts and auto. The last two load
    /// the network when created and fail with one line when its weights are missing (see <see cref="AvtsWeights"/>);
    /// they stay listed so that <c>--method avts</c> says what is missing instead of "unknown method".
    /// </summary>
    public static EstimatorRegistry CreateDefault() => CreateDefault(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="CreateDefault()"/>, reading the lips method's second opinion from <paramref name="environment"/>.</summary>
    internal static EstimatorRegistry CreateDefault(Func<string, string?> environment) => new EstimatorRegistry()
        .Add("onset", () => new OnsetEstimator())
        .Add("avts", files => LoadNetwork(files, AvtsWeights.DefaultRelativePath))
        .Add("lips", files => LoadLips(files, environment))
        .Add("auto", files =>
        {
            // The pixel network first: --weights names its file, and a wrong one is the likelier mistake to report.
            var network = LoadNetwork(files, AvtsWeights.DefaultRelativePath);
            try
            {
                return new FaceFirstEstimator(LoadLips(files with { Weights = null }, environment), new OnsetEstimator(), network);
            }
            catch
            {
                network.Dispose();
                throw;
            }
        });

    // The lips method: the shipped lips model with the shipped second opinion (LipsPairEstimator: on the dev speakers
    // 39 % of cases within ±80 ms and none confidently wrong, against 25 % for the lips model alone; docs/results.md,
    // issue 15). Lips weights the user named (--weights, AVTS_LIPS_WEIGHTS) answer alone unless a second opinion is
    // named too; AVTS_LIPS_SECOND_WEIGHTS=none asks for the lips model alone.
    private static ISyncEstimator LoadLips(EstimatorFiles files, Func<string, string?> environment)
    {
        var first = LoadNetwork(files, AvtsWeights.LipsRelativePath);
        var second = environment(AvtsWeights.LipsSecondEnvironmentVariable);
        var ownLips = !string.IsNullOrWhiteSpace(files.Weights) || !string.IsNullOrWhiteSpace(environment(AvtsWeights.LipsEnvironmentVariable));
        if (string.Equals(second?.Trim(), AvtsWeights.NoSecondOpinion, StringComparison.OrdinalIgnoreCase) || (ownLips && string.IsNullOrWhiteSpace(second)))
        {
            return first;
        }

        try
        {
            return new LipsPairEstimator(first, LoadNetwork(files with { Weights = second }, AvtsWeights.LipsSecondRelativePath));
        }
        catch
        {
            first.Dispose();
            throw;
        }
    }

    // "auto" device: CUDA when the CUDA libtorch is built in and a GPU is present, else the CPU. A method is bound to
    // its architecture: lips weights under --method avts (or the reverse) would answer under the wrong name.
    private static AvtsEstimator LoadNetwork(EstimatorFiles files, string defaultWeights)
    {
        var weights = AvtsWeights.Resolve(files.Weights, defaultWeights);
        var lips = defaultWeights != AvtsWeights.DefaultRelativePath;
        var card = Model.Checkpoint.ReadCard(weights);
        if (card.Options.IsLips != lips)
        {
            throw new Model.ModelCardException(
                $"{weights} holds a {card.Options.Architecture} model; --method {(lips ? "lips needs lips" : "avts and auto need pixel")} weights (see models/README.md).");
        }

        return new AvtsEstimator(weights, card.Options, device: "auto", landmarksPath: files.Landmarks);
    }
}
