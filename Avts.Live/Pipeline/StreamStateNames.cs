namespace Avts.Live.Pipeline;

/// <summary>
/// The wire names of <see cref="StreamState"/> (snake_case), the one mapping every output uses: monitor lines, the
/// hub's messages, the REST API and the stored history.
/// </summary>
public static class StreamStateNames
{
    private static readonly Dictionary<StreamState, string> Names = new()
    {
        [StreamState.Connecting] = "connecting",
        [StreamState.Live] = "live",
        [StreamState.NoAudio] = "no_audio",
        [StreamState.NoVideo] = "no_video",
        [StreamState.Silent] = "silent",
        [StreamState.Frozen] = "frozen",
        [StreamState.Undetermined] = "undetermined",
        [StreamState.Reconnecting] = "reconnecting",
        [StreamState.Failed] = "failed",
        [StreamState.Ended] = "ended",
        [StreamState.Paused] = "paused",
        [StreamState.Removed] = "removed",
    };

    private static readonly Dictionary<string, StreamState> States = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every state's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<StreamState>().Select(s => Names[s])];

    /// <summary>The wire name of <paramref name="state"/>.</summary>
    public static string WireName(this StreamState state) =>
        Names.TryGetValue(state, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown stream state.");

    /// <summary>The state named <paramref name="name"/> on the wire; false when the name is unknown.</summary>
    public static bool TryParse(string? name, out StreamState state) => States.TryGetValue(name ?? "", out state);
}
