namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>One official train/test split of an action-recognition dataset, as read from its split files.</summary>
/// <param name="Dataset">"ucf101" or "hmdb51".</param>
/// <param name="Split">The split number, 1..3.</param>
/// <param name="Classes">Class names; a video's label indexes this list.</param>
/// <param name="Train">Training videos, in split-file order.</param>
/// <param name="Test">Test videos, in split-file order.</param>
/// <param name="VideoRoot">The folder the listed paths are relative to.</param>
public sealed record ActionSplit(
    string Dataset,
    int Split,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ActionVideo> Train,
    IReadOnlyList<ActionVideo> Test,
    string VideoRoot)
{
    /// <summary>
    /// At most <paramref name="perClass"/> videos of each class from both lists, chosen by a seeded shuffle (so a
    /// small budget still spans the groups), kept in split-file order; the split itself when null.
    /// </summary>
    public ActionSplit Limit(int? perClass, int seed)
    {
        if (perClass is not { } limit)
        {
            return this;
        }

        return this with { Train = Take(Train, limit, seed), Test = Take(Test, limit, seed + 1) };
    }

    private static List<ActionVideo> Take(IReadOnlyList<ActionVideo> videos, int perClass, int seed)
    {
        var order = Enumerable.Range(0, videos.Count).ToArray();
        new Random(seed).Shuffle(order);
        var kept = order.GroupBy(i => videos[i].Label).SelectMany(g => g.Take(perClass)).Order();
        return [.. kept.Select(i => videos[i])];
    }
}
