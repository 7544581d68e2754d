using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Engine;

/// <summary>The resolved data directory (created on first use) and the connection string pointing into it.</summary>
public sealed class DataPaths
{
    /// <summary>Resolves <see cref="AvtsWebOptions.DataDirectory"/> against the content root and creates it.</summary>
    public DataPaths(IOptions<AvtsWebOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Directory = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        System.IO.Directory.CreateDirectory(Directory);
        ConnectionString = options.Value.Database.Replace("{DataDirectory}", Directory, StringComparison.Ordinal);
    }

    /// <summary>The absolute data directory.</summary>
    public string Directory { get; }

    /// <summary>The database connection string.</summary>
    public string ConnectionString { get; }
}
