namespace Avts.Tests.Fixtures;

/// <summary>
/// Tests that compare two runs with the same seed run alone: torch's default generator is process-wide, so a test
/// creating a model on the other thread between a run's <c>manual_seed</c> and its weight initialisation would give
/// the second run other initial weights.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchRuns
{
    /// <summary>The collection name for <c>[Collection(SeededTorchRuns.Name)]</c>.</summary>
    public const string Name = "seeded torch runs";
}
