using System.Threading.Channels;

namespace Avts.Web.Diagnostics;

/// <summary>
/// A bounded hand-off from the engine thread to a consumer loop: writing never waits; when the consumer falls behind
/// the oldest item is dropped and counted (never silently), so a slow client or disk cannot slow the engine.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DropOldestChannel<T>
{
    private readonly Channel<T> channel;
    private long dropped;

    /// <summary>Creates a queue of <paramref name="capacity"/> items read by one consumer; <paramref name="onDropped"/> runs per drop.</summary>
    public DropOldestChannel(int capacity, Action? onDropped = null)
    {
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        };
        channel = Channel.CreateBounded<T>(options, _ =>
        {
            Interlocked.Increment(ref dropped);
            onDropped?.Invoke();
        });
    }

    /// <summary>Items dropped so far because the consumer fell behind.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Items waiting.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>The consumer side.</summary>
    public ChannelReader<T> Reader => channel.Reader;

    /// <summary>Queues <paramref name="item"/> (dropping the oldest when full); false only after <see cref="Complete"/>.</summary>
    public bool Write(T item) => channel.Writer.TryWrite(item);

    /// <summary>No more items: the consumer drains what is left and stops.</summary>
    public void Complete() => channel.Writer.TryComplete();
}
