using System.Data.Common;
using Avts.Live.Sources;
using Avts.Web.Engine;

namespace Avts.Web.Persistence;

/// <summary>The <c>streams</c> table: streams added through the API (or paused) survive restarts.</summary>
public sealed class StreamStore(AvtsDatabase database)
{
    private const string Insert =
        "INSERT INTO streams (name, location, loop, real_time, inject_delay, transport, paused, added_at) VALUES (@name, @location, @loop, @real_time, @inject_delay, @transport, @paused, @added_at)";

    /// <summary>Every stored stream.</summary>
    public Task<IReadOnlyList<StreamDefinition>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT name, location, loop, real_time, inject_delay, transport, paused, added_at FROM streams ORDER BY name", cancellationToken);

    /// <summary>Inserts or replaces a stream (UPDATE, then INSERT when nothing was updated: portable, no UPSERT syntax).</summary>
    public async Task SaveAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var connection = await database.OpenCreatedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var values = Values(stream);
        await using var update = AvtsDatabase.Command(
            connection,
            "UPDATE streams SET location = @location, loop = @loop, real_time = @real_time, inject_delay = @inject_delay, transport = @transport, paused = @paused, added_at = @added_at WHERE name = @name",
            values);
        update.Transaction = transaction;
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await using var insert = AvtsDatabase.Command(
                connection,
                Insert,
                values);
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The stored stream <paramref name="name"/>, or null (cluster mode: the grain reads its definition here, since the
    /// node that added it may be gone).
    /// </summary>
    public async Task<StreamDefinition?> FindAsync(string name, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT name, location, loop, real_time, inject_delay, transport, paused, added_at FROM streams WHERE name = @name", cancellationToken, ("@name", name))
            is { Count: > 0 } found ? found[0] : null;

    /// <summary>Stores <paramref name="stream"/> unless its name is taken; true when stored (several nodes may race).</summary>
    public async Task<bool> InsertIfMissingAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return await database.ExecuteAsync(
            Insert + " ON CONFLICT DO NOTHING", cancellationToken, Values(stream)) == 1;
    }

    /// <summary>Deletes a stream's configuration (its history stays until retention prunes it).</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM streams WHERE name = @name", cancellationToken, ("@name", name));

    private Task<IReadOnlyList<StreamDefinition>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.QueryAsync(sql, Read, cancellationToken, parameters);

    private static (string Name, object? Value)[] Values(StreamDefinition stream) =>
    [
        ("@name", stream.Name), ("@location", stream.Location), ("@loop", DbValues.Flag(stream.Loop)),
        ("@real_time", DbValues.Flag(stream.RealTime)), ("@inject_delay", stream.InjectDelay), ("@transport", stream.TransportName),
        ("@paused", DbValues.Flag(stream.Paused)), ("@added_at", DbValues.Ms(stream.AddedAt)),
    ];

    private static StreamDefinition Read(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            DbValues.Flag(reader, 2),
            DbValues.Flag(reader, 3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            Enum.TryParse<RtspTransport>(reader.GetString(5), ignoreCase: true, out var transport) ? transport : RtspTransport.Auto,
            DbValues.Flag(reader, 6),
            DbValues.Time(reader, 7));
}
