namespace Avts.Web.Engine;

/// <summary>Control operations of the API: the local engine on one machine, the stream grains in a cluster.</summary>
public interface IStreamControl
{
    /// <summary>Adds and stores a stream; <see cref="StreamChange.Conflict"/> when the name is taken.</summary>
    Task<StreamChange> AddAsync(StreamDefinition stream, CancellationToken cancellationToken);

    /// <summary>Stops and forgets a stream (its history stays).</summary>
    Task<StreamChange> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stops scoring a stream but keeps it, marked paused.</summary>
    Task<StreamChange> PauseAsync(string name, CancellationToken cancellationToken);

    /// <summary>Scores a paused stream again.</summary>
    Task<StreamChange> ResumeAsync(string name, CancellationToken cancellationToken);
}
