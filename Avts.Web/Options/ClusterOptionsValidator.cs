using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Options;

/// <summary>Cluster mode needs Redis and the shared PostgreSQL store: a node on its own SQLite file would fork the history.</summary>
/// <param name="web">The Avts section (database provider).</param>
public sealed class ClusterOptionsValidator(IOptions<AvtsWebOptions> web) : IValidateOptions<ClusterOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add("Avts:Cluster:Redis: cluster mode needs a Redis connection (membership, reminders, SignalR backplane)");
        }

        if (web.Value.DatabaseProvider != DatabaseProvider.PostgreSql)
        {
            failures.Add("Avts:DatabaseProvider: cluster mode needs PostgreSql (every node shares one store)");
        }

        if (!System.Net.IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"Avts:Cluster:AdvertisedAddress: '{options.AdvertisedAddress}' is not an IP address");
        }

        if (string.IsNullOrWhiteSpace(options.NodeName))
        {
            failures.Add("Avts:Cluster:NodeName: cluster mode needs a name unique to this node");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
