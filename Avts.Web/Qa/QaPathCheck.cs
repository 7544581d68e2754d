namespace Avts.Web.Qa;

/// <summary>The outcome of checking a requested QA path: the resolved file, or an HTTP status and a one-line reason.</summary>
/// <param name="FullPath">The resolved file (symlinks followed), null when refused.</param>
/// <param name="Status">200 when accepted, else 400 (malformed), 403 (outside the allowed roots) or 404 (no such file).</param>
/// <param name="Error">Why it was refused, or null.</param>
public sealed record QaPathCheck(string? FullPath, int Status, string? Error)
{
    /// <summary>An accepted file.</summary>
    public static QaPathCheck Accepted(string fullPath) => new(fullPath, StatusCodes.Status200OK, null);

    /// <summary>A refusal with <paramref name="status"/> and <paramref name="error"/>.</summary>
    public static QaPathCheck Refused(int status, string error) => new(null, status, error);
}
