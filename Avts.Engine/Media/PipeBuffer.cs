namespace Avts.Engine.Media;

/// <summary>
/// Reads a child's stdout into one growing array: every read lands directly in its final place (no per-chunk or
/// per-frame allocations), and the array grows geometrically only when an estimate was too small.
/// </summary>
internal sealed class PipeBuffer
{
    private byte[] buffer;

    public PipeBuffer(long estimatedBytes) =>
        buffer = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(estimatedBytes, 1 << 16, System.Array.MaxLength));

    /// <summary>Bytes received so far.</summary>
    public int Length { get; private set; }

    /// <summary>The received bytes (valid up to <see cref="Length"/>).</summary>
    public byte[] Array => buffer;

    public async Task ReadAllAsync(Stream stream, Action progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Length == buffer.Length)
            {
                Grow();
            }

            var read = await stream.ReadAsync(buffer.AsMemory(Length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            Length += read;
            progress();
        }
    }

    /// <summary>The first <paramref name="length"/> bytes as an array of exactly that size (no copy when it already is).</summary>
    public byte[] ToExactArray(int length)
    {
        if (length == buffer.Length)
        {
            return buffer;
        }

        var exact = GC.AllocateUninitializedArray<byte>(length);
        Buffer.BlockCopy(buffer, 0, exact, 0, length);
        return exact;
    }

    private void Grow()
    {
        if (buffer.Length >= System.Array.MaxLength)
        {
            throw new MediaInputException(
                "The decoded span is too large to hold in memory at once; decode it in parts (StartSeconds/DurationSeconds).");
        }

        var bigger = GC.AllocateUninitializedArray<byte>((int)Math.Min((long)buffer.Length * 3 / 2, System.Array.MaxLength));
        Buffer.BlockCopy(buffer, 0, bigger, 0, Length);
        buffer = bigger;
    }
}
