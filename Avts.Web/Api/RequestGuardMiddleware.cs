using System.Security.Cryptography;
using System.Text;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// Runs after routing and before the endpoint: enforces <see cref="SameOriginRequirement"/> and
/// <see cref="ApiKeyRequirement"/> from the endpoint's metadata, so a refused request is answered before its body is
/// read. Refusals are problem details: 403 foreign origin or no key configured, 401 missing or wrong key.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next, IOptionsMonitor<AvtsWebOptions> options, ILogger<RequestGuardMiddleware> logger)
{
    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The query parameter browsers use for the hub's key (SignalR's <c>accessTokenFactory</c>).</summary>
    public const string QueryToken = "access_token";

    /// <summary>Checks the request; calls the next middleware only when it passes.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return next(context);
        }

        var current = options.CurrentValue;
        if (endpoint.Metadata.GetMetadata<SameOriginRequirement>() is not null && ForeignOrigin(context.Request, current) is { } origin)
        {
            logger.LogWarning("Refused {Path} from foreign origin {Origin}", context.Request.Path.Value, origin);
            return Refuse(context, StatusCodes.Status403Forbidden, "Foreign origin", "this origin may not use the hub; add it to Avts:AllowedOrigins");
        }

        if (endpoint.Metadata.GetMetadata<ApiKeyRequirement>() is not { } requirement || (!requirement.Control && !current.RequireKeyForReads))
        {
            return next(context);
        }

        if (string.IsNullOrEmpty(current.ApiKey))
        {
            return Refuse(
                context, StatusCodes.Status403Forbidden, "No API key configured", "set Avts:ApiKey (environment AVTS__APIKEY) to enable this endpoint");
        }

        if (!GivenKeys(context.Request, requirement).Any(given => FixedTimeEquals(given, current.ApiKey)))
        {
            return Refuse(context, StatusCodes.Status401Unauthorized, "Missing or wrong API key", requirement.AllowQueryToken
                ? $"send the key configured as Avts:ApiKey in the {Header} header or as the access token"
                : $"send the key configured as Avts:ApiKey in the {Header} header");
        }

        return next(context);
    }

    /// <summary>The request's Origin when it is neither absent, the host's own origin nor a configured one; else null.</summary>
    public static string? ForeignOrigin(HttpRequest request, AvtsWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.AllowedOrigins.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            ? null
            : origin;
    }

    private static IEnumerable<string> GivenKeys(HttpRequest request, ApiKeyRequirement requirement)
    {
        yield return request.Headers[Header].ToString();
        if (!requirement.AllowQueryToken)
        {
            yield break;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            yield return authorization["Bearer ".Length..].Trim();
        }

        yield return request.Query[QueryToken].ToString();
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
