using Avts.Web.Cluster;

namespace Avts.Web.Engine;

/// <summary>Single machine: the board holds every stream, all scored here (paused ones by no node).</summary>
public sealed class LocalStreamDirectory(StreamBoard board, NodeIdentity node) : IStreamDirectory
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StreamSnapshot>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamSnapshot>>([.. board.Snapshot().Select(WithNode)]);

    /// <inheritdoc />
    public Task<StreamSnapshot?> FindAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(board.Snapshot(name) is { } s ? WithNode(s) : null);

    private StreamSnapshot WithNode(StreamSnapshot stream) => stream with { Node = stream.Paused ? null : node.Name };
}
