namespace Avts.Web.Engine;

/// <summary>Every stream as the API lists it, with the node that scores it: the local board, or the whole cluster.</summary>
public interface IStreamDirectory
{
    /// <summary>Every stream, ordered by name.</summary>
    Task<IReadOnlyList<StreamSnapshot>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One stream, or null.</summary>
    Task<StreamSnapshot?> FindAsync(string name, CancellationToken cancellationToken);
}
