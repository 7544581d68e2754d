using System.Collections.Concurrent;

namespace Avts.Engine.Media.Streaming;

/// <summary>
/// Frame-sized byte arrays reused between the decoder's pipe reader and the span reader that drops analysed frames,
/// so a long input cycles a bounded set of buffers instead of allocating (and collecting) one per frame.
/// </summary>
/// <param name="frameBytes">Size of every buffer.</param>
/// <param name="capacity">Buffers kept for reuse at most; the rest are left to the collector.</param>
internal sealed class FrameBufferPool(int frameBytes, int capacity)
{
    private readonly ConcurrentQueue<byte[]> free = new();

    /// <summary>Size of every buffer in bytes.</summary>
    public int FrameBytes => frameBytes;

    /// <summary>A buffer of <see cref="FrameBytes"/> bytes (contents undefined).</summary>
    public byte[] Rent() => free.TryDequeue(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(frameBytes);

    /// <summary>Gives <paramref name="buffer"/> back for reuse.</summary>
    public void Return(byte[] buffer)
    {
        if (buffer.Length == frameBytes && free.Count < capacity)
        {
            free.Enqueue(buffer);
        }
    }
}
