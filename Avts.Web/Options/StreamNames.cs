using System.Text.RegularExpressions;

namespace Avts.Web.Options;

/// <summary>What a stream name may look like: it ends up in URLs, SignalR group names and log lines.</summary>
public static partial class StreamNames
{
    /// <summary>The allowed names.</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>Whether <paramref name="name"/> is allowed.</summary>
    public static bool IsValid(string? name) => name is not null && NameRegex().IsMatch(name);

    [GeneratedRegex(Pattern)]
    private static partial Regex NameRegex();
}
