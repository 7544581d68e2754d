namespace Avts.Engine;

/// <summary>User-facing message text: every error is printed as one line.</summary>
public static class MessageText
{
    /// <summary>Joins a multi-line (or tab-indented) message into one line.</summary>
    public static string OneLine(string? message) =>
        string.Join(' ', (message ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
