using Avts.Live.Sources;
using Avts.Web.Engine;

namespace Avts.Web.Persistence;

/// <summary>The <c>streams</c> table: streams added through the API (or paused) survive restarts.</summary>
public sealed class StreamStore(AvtsDatabase database)
{
    /// <summary>Every stored stream.</summary>
    public Task<IReadOnlyList<StreamDefinition>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT name, location, loop, real_time, inject_delay, transport, paused, added_at FROM streams ORDER BY name", cancellationToken);

    /// <summary>Inserts or replaces a stream (UPDATE, then INSERT when nothing was updated: portable, no UPSERT syntax).</summary>
    public async Task SaveAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await database.EnsureCreatedAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        (string, object?)[] values =
        [
            ("@name", stream.Name), ("@location", stream.Location), ("@loop", DbValues.Flag(stream.Loop)),
            ("@real_time", DbValues.Flag(stream.RealTime)), ("@inject_delay", stream.InjectDelay), ("@transport", stream.TransportName),
            ("@paused", DbValues.Flag(stream.Paused)), ("@added_at", DbValues.Ms(stream.AddedAt)),
        ];
        await using var update = AvtsDatabase.Command(
            connection,
            "UPDATE streams SET location = @location, loop = @loop, real_time = @real_time, inject_delay = @inject_delay, transport = @transport, paused = @paused, added_at = @added_at WHERE name = @name",
            values);
        update.Transaction = transaction;
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await using var insert = AvtsDatabase.Command(
                connection,
                "INSERT INTO streams (name, location, loop, real_time, inject_delay, transport, paused, added_at) VALUES (@name, @location, @loop, @real_time, @inject_delay, @transport, @paused, @added_at)",
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
        await database.EnsureCreatedAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var insert = AvtsDatabase.Command(
            connection,
            "INSERT INTO streams (name, location, loop, real_time, inject_delay, transport, paused, added_at) VALUES (@name, @location, @loop, @real_time, @inject_delay, @transport, @paused, @added_at) ON CONFLICT DO NOTHING",
            ("@name", stream.Name), ("@location", stream.Location), ("@loop", DbValues.Flag(stream.Loop)),
            ("@real_time", DbValues.Flag(stream.RealTime)), ("@inject_delay", stream.InjectDelay), ("@transport", stream.TransportName),
            ("@paused", DbValues.Flag(stream.Paused)), ("@added_at", DbValues.Ms(stream.AddedAt)));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes a stream's configuration (its history stays until retention prunes it).</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AvtsDatabase.Command(connection, "DELETE FROM streams WHERE name = @name", ("@name", name));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StreamDefinition>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await database.EnsureCreatedAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AvtsDatabase.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var streams = new List<StreamDefinition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(new StreamDefinition(
                reader.GetString(0),
                reader.GetString(1),
                DbValues.Flag(reader, 2),
                DbValues.Flag(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.TryParse<RtspTransport>(reader.GetString(5), ignoreCase: true, out var transport) ? transport : RtspTransport.Auto,
                DbValues.Flag(reader, 6),
                DbValues.Time(reader, 7)));
        }

        return streams;
    }
}
