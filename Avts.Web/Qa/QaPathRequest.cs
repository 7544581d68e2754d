namespace Avts.Web.Qa;

/// <summary>The JSON body of <c>POST /api/qa</c> for a file already on the server.</summary>
/// <param name="Path">The file: absolute, or relative to the first allowed root.</param>
public sealed record QaPathRequest(string? Path);
