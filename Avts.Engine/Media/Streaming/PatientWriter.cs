using System.Threading.Channels;

namespace Avts.Engine.Media.Streaming;

/// <summary>
/// Writes decoded data into a bounded channel, waiting while the consumer is busy (which blocks ffmpeg on its pipe:
/// the backpressure that bounds memory) without letting the stall watchdog take the wait for a stalled input.
/// </summary>
internal static class PatientWriter
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(1);

    /// <summary>Writes <paramref name="item"/>, calling <paramref name="keepAlive"/> every second while the channel is full.</summary>
    public static async Task WriteAsync<T>(ChannelWriter<T> writer, T item, Action keepAlive, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(item))
        {
            var room = writer.WaitToWriteAsync(cancellationToken).AsTask();
            while (!room.IsCompleted)
            {
                await Task.WhenAny(room, Task.Delay(KeepAliveInterval, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                keepAlive();
            }

            if (!await room.ConfigureAwait(false))
            {
                throw new ChannelClosedException();
            }
        }
    }
}
