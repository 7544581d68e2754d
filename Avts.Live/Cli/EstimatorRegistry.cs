using Avts.Engine.Scoring;

namespace Avts.Live.Cli;

/// <summary>
/// The estimators selectable with <c>--method</c>, by name. The first one added is the default. Tests register fakes;
/// the real CLI uses <see cref="CreateDefault"/>.
/// </summary>
internal sealed class EstimatorRegistry
{
    private readonly List<KeyValuePair<string, Func<ISyncEstimator>>> _factories = [];

    /// <summary>Registered names in registration order.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Select(f => f.Key)];

    /// <summary>The name used when <c>--method</c> is not given.</summary>
    public string DefaultName => _factories.Count > 0
        ? _factories[0].Key
        : throw new InvalidOperationException("No estimator is registered.");

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/> (lower-case, as typed on the command line).</summary>
    public EstimatorRegistry Add(string name, Func<ISyncEstimator> factory)
    {
        if (_factories.Exists(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Estimator '{name}' is already registered.", nameof(name));
        }

        _factories.Add(new(name, factory));
        return this;
    }

    /// <summary>A fresh estimator for <paramref name="name"/>.</summary>
    public ISyncEstimator Create(string name) =>
        _factories.Find(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Invoke()
        ?? throw new ArgumentException($"unknown method '{name}' (known: {string.Join(", ", Names)}).", nameof(name));

    /// <summary>The production estimators.</summary>
    public static EstimatorRegistry CreateDefault() => new EstimatorRegistry()
        .Add("onset", () => new OnsetEstimator());
}
