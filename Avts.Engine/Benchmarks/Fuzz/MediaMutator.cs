namespace Avts.Engine.Benchmarks.Fuzz;

/// <summary>
/// Seeded damage to a media file, the kinds real files suffer: bytes flipped (bad storage, bit rot), a range zeroed
/// (a lost network packet run), a range cut out (a torn download), a range duplicated (a retransmission stitched in
/// twice) and the tail cut off (an interrupted copy). The same seed and source give the same bytes.
/// </summary>
public static class MediaMutator
{
    /// <summary>The mutation kinds, as reported.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["flip", "zero", "cut", "duplicate", "truncate"];

    /// <summary>A damaged copy of <paramref name="source"/> and the kind of damage; <paramref name="random"/> decides everything.</summary>
    public static (byte[] Bytes, string Kind) Mutate(ReadOnlySpan<byte> source, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (source.Length < 16)
        {
            throw new ArgumentException("The source is too short to damage meaningfully.", nameof(source));
        }

        var kind = Kinds[random.Next(Kinds.Count)];
        var (from, length) = Range(source.Length, random);
        byte[] bytes;
        switch (kind)
        {
            case "flip":
                bytes = source.ToArray();
                for (int i = 0, flips = random.Next(1, 64); i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case "zero":
                bytes = source.ToArray();
                bytes.AsSpan(from, length).Clear();
                break;
            case "cut":
                bytes = [.. source[..from], .. source[(from + length)..]];
                break;
            case "duplicate":
                var at = random.Next(source.Length);
                bytes = [.. source[..at], .. source.Slice(from, length), .. source[at..]];
                break;
            default:
                bytes = source[..Math.Max(1, random.Next(source.Length))].ToArray();
                break;
        }

        return (bytes, kind);
    }

    // A range of up to a fifth of the file, anywhere (the header included: a damaged header is a real case too).
    private static (int From, int Length) Range(int size, Random random)
    {
        var length = random.Next(1, Math.Max(2, size / 5));
        return (random.Next(size - length), length);
    }
}
