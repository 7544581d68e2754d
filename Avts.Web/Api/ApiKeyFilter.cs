using System.Security.Cryptography;
using System.Text;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Api;

/// <summary>
/// Guards endpoints with the <c>X-Api-Key</c> header: control endpoints always, read endpoints only when
/// <see cref="AvtsWebOptions.RequireKeyForReads"/>. No key configured: 403 (control is off until one is set);
/// a missing or wrong key: 401.
/// </summary>
/// <param name="control">True for endpoints that change something.</param>
public sealed class ApiKeyFilter(bool control) : IEndpointFilter
{
    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AvtsWebOptions>>().CurrentValue;
        if (!control && !options.RequireKeyForReads)
        {
            return await next(context);
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return Results.Problem(
                "set Avts:ApiKey (environment AVTS__APIKEY) to enable this endpoint", statusCode: StatusCodes.Status403Forbidden, title: "No API key configured");
        }

        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (!FixedTimeEquals(given, options.ApiKey))
        {
            return Results.Problem(
                $"send the key configured as Avts:ApiKey in the {Header} header", statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key");
        }

        return await next(context);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
