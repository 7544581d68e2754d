namespace Avts.Web.Api;

/// <summary>
/// Endpoint metadata: a request that carries an <c>Origin</c> header (every browser WebSocket and cross-site fetch)
/// must come from the host's own origin or one of <see cref="Options.AvtsWebOptions.AllowedOrigins"/>; a request
/// without one (a non-browser client) passes. Checked by <see cref="RequestGuardMiddleware"/>.
/// </summary>
public sealed class SameOriginRequirement
{
    private SameOriginRequirement()
    {
    }

    /// <summary>The one instance.</summary>
    public static SameOriginRequirement Instance { get; } = new();
}
