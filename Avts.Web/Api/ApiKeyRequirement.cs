namespace Avts.Web.Api;

/// <summary>
/// Endpoint metadata read by <see cref="RequestGuardMiddleware"/> before the endpoint runs (so before its body is read):
/// control endpoints always need the API key, reads only when <see cref="Options.AvtsWebOptions.RequireKeyForReads"/>.
/// </summary>
/// <param name="Control">True for endpoints that change something.</param>
/// <param name="AllowQueryToken">
/// Also accept the key as <c>Authorization: Bearer</c> or the <c>access_token</c> query parameter: the SignalR hub only,
/// because browsers cannot set headers on a WebSocket.
/// </param>
public sealed record ApiKeyRequirement(bool Control, bool AllowQueryToken = false)
{
    /// <summary>A REST read.</summary>
    public static ApiKeyRequirement Read { get; } = new(Control: false);

    /// <summary>A REST control endpoint (POST/DELETE).</summary>
    public static ApiKeyRequirement Change { get; } = new(Control: true);

    /// <summary>The hub: read rules, key also from the access token.</summary>
    public static ApiKeyRequirement Hub { get; } = new(Control: false, AllowQueryToken: true);
}
