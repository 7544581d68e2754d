using System.Collections.Concurrent;
using System.Threading.Channels;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Qa;

/// <summary>
/// The bounded queue of QA jobs waiting for <see cref="QaWorker"/>, plus the live view of jobs not finished yet
/// (progress changes often, so it is kept in memory; the database gets the state transitions).
/// </summary>
public sealed class QaJobBoard
{
    private readonly Channel<string> pending;
    private readonly ConcurrentDictionary<string, QaJob> active = new(StringComparer.Ordinal);

    /// <summary>A queue holding at most <see cref="QaOptions.QueueCapacity"/> waiting jobs.</summary>
    public QaJobBoard(IOptions<AvtsWebOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        pending = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.Qa.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
        });
    }

    /// <summary>The ids to run, in submission order.</summary>
    public ChannelReader<string> Pending => pending.Reader;

    /// <summary>Queues <paramref name="job"/>; false when the queue is full (nothing is kept then).</summary>
    public bool TryEnqueue(QaJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        active[job.Id] = job;
        if (pending.Writer.TryWrite(job.Id))
        {
            return true;
        }

        active.TryRemove(job.Id, out _);
        return false;
    }

    /// <summary>The current view of an unfinished job, or null (finished jobs are read from the database).</summary>
    public QaJob? Active(string id) => active.GetValueOrDefault(id);

    /// <summary>Replaces the view of an unfinished job.</summary>
    public void Update(QaJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        active[job.Id] = job;
    }

    /// <summary>Drops a finished job from the live view (after its final state is stored).</summary>
    public void Forget(string id) => active.TryRemove(id, out _);
}
