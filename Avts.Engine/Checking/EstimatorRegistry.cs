using Avts.Engine.Scoring;

namespace Avts.Engine.Checking;

/// <summary>
/// The estimators selectable with <c>--method</c>, by name. The first one added is the default. Tests register fakes;
/// the real CLI uses <see cref="CreateDefault"/>.
/// </summary>
public sealed class EstimatorRegistry
{
    private readonly List<KeyValuePair<string, Func<string?, ISyncEstimator>>> _factories = [];

    /// <summary>Registered names in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Select(f => f.Key)];

    /// <summary>The name used when <c>--method</c> is not given.</summary>
    public string DefaultName => _factories.Count > 0
        ? _factories[0].Key
        : throw new InvalidOperationException("No estimator is registered.");

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/> (lower-case, as typed on the command line).</summary>
    public EstimatorRegistry Add(string name, Func<ISyncEstimator> factory) => Add(name, _ => factory());

    /// <summary>
    /// Registers <paramref name="factory"/>, which receives the <c>--weights</c> value (null when not given), under
    /// <paramref name="name"/>.
    /// </summary>
    public EstimatorRegistry Add(string name, Func<string?, ISyncEstimator> factory)
    {
        if (_factories.Exists(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Estimator '{name}' is already registered.", nameof(name));
        }

        _factories.Add(new(name, factory));
        return this;
    }

    /// <summary>A fresh estimator for <paramref name="name"/>; <paramref name="weightsPath"/> is the <c>--weights</c> value.</summary>
    /// <exception cref="FileNotFoundException">The estimator needs weights that are not there (one-line message).</exception>
    public ISyncEstimator Create(string name, string? weightsPath = null) =>
        _factories.Find(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Invoke(weightsPath)
        ?? throw new ArgumentException($"unknown method '{name}' (known: {string.Join(", ", Names)}).", nameof(name));

    /// <summary>
    /// Why <paramref name="name"/> cannot be used with <paramref name="weightsPath"/> (unknown method, missing or
    /// unreadable weights), in one line; null when it can. Creates the estimator once to find out.
    /// </summary>
    public string? Check(string name, string? weightsPath = null)
    {
        try
        {
            using var estimator = Create(name, weightsPath);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Model.ModelCardException)
        {
            return MessageText.OneLine(ex.Message);
        }
    }

    /// <summary>
    /// The production estimators: onset (the default until trained weights ship), avts and auto. The last two load
    /// the network when created and fail with one line when its weights are missing (see <see cref="AvtsWeights"/>);
    /// they stay listed so that <c>--method avts</c> says what is missing instead of "unknown method".
    /// </summary>
    public static EstimatorRegistry CreateDefault() => new EstimatorRegistry()
        .Add("onset", () => new OnsetEstimator())
        .Add("avts", weights => LoadAvts(weights))
        .Add("auto", weights => new AutoEstimator(new OnsetEstimator(), LoadAvts(weights)));

    // "auto" device: CUDA when the CUDA libtorch is built in and a GPU is present, else the CPU.
    private static AvtsEstimator LoadAvts(string? weights) => new(AvtsWeights.Resolve(weights), device: "auto");
}
