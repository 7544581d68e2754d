using System.Globalization;

namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// Reads dlib's portable serialization (dlib/serialize.h): an integer is a control byte (low 4 bits: how many
/// little-endian magnitude bytes follow; bit 0x80: negative, for signed types) and the bytes; a float is its mantissa
/// then its exponent, both such integers (dlib/float_details.h), worth mantissa x 2^exponent. Every length is checked
/// against the bytes left, so a damaged file ends in <see cref="LandmarkModelException"/>, never a huge allocation.
/// </summary>
internal sealed class DlibStreamReader(byte[] data, string source)
{
    /// <summary>Fewest bytes one serialized integer takes (control byte and one magnitude byte).</summary>
    public const int MinIntegerBytes = 2;

    /// <summary>Fewest bytes one serialized float takes (two integers).</summary>
    public const int MinFloatBytes = 2 * MinIntegerBytes;

    // float_details marks infinities and NaN with these exponents.
    private const int FirstSpecialExponent = 32000;

    private int position;

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => data.Length - position;

    /// <summary>A signed integer of at most <paramref name="maxBytes"/> magnitude bytes (the C++ type's size).</summary>
    public long ReadSigned(int maxBytes, string what)
    {
        var control = NextByte(what);
        var size = control & 0x0F;
        var magnitude = ReadMagnitude(size, maxBytes, what);
        if (magnitude > long.MaxValue)
        {
            throw Corrupt($"{what} is out of range");
        }

        return (control & 0x80) != 0 ? -(long)magnitude : (long)magnitude;
    }

    /// <summary>An unsigned integer of at most <paramref name="maxBytes"/> bytes.</summary>
    public ulong ReadUnsigned(int maxBytes, string what)
    {
        // dlib keeps the sign bit in the size for unsigned types, so a "negative" unsigned value fails its size check.
        var size = NextByte(what) & 0x8F;
        return ReadMagnitude(size, maxBytes, what);
    }

    /// <summary>
    /// A std::vector length that is at most <paramref name="max"/> and leaves room for that many items of at least
    /// <paramref name="minItemBytes"/> bytes each.
    /// </summary>
    public int ReadCount(int max, int minItemBytes, string what)
    {
        var count = ReadUnsigned(sizeof(ulong), what);
        if (count > (ulong)max)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{what} is {count}, more than {max}"));
        }

        if ((long)count * minItemBytes > Remaining)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"{what} is {count}, more than the file holds"));
        }

        return (int)count;
    }

    /// <summary>A finite float stored in dlib's binary format.</summary>
    public float ReadFloat(string what)
    {
        if (position < data.Length && (data[position] & 0x70) != 0)
        {
            // dlib would fall back to its old text format here; no model written since 2012 uses it.
            throw Corrupt($"{what} is not a binary dlib float");
        }

        var mantissa = ReadSigned(sizeof(long), what);
        var exponent = ReadSigned(sizeof(short), what);
        if (exponent >= FirstSpecialExponent || exponent < short.MinValue)
        {
            throw Corrupt($"{what} is not a finite number");
        }

        // Same as dlib's std::ldexp((float)mantissa, exponent): the mantissa is rounded to float first.
        var value = MathF.ScaleB(mantissa, (int)exponent);
        return float.IsFinite(value) ? value : throw Corrupt($"{what} is not a finite number");
    }

    /// <summary>A dlib column vector (matrix&lt;float,0,1&gt;) of exactly as many floats as <paramref name="destination"/> holds.</summary>
    public void ReadColumn(Span<float> destination, string what)
    {
        var (rows, columns) = ReadMatrixSize(what);
        if (columns != 1 || rows != destination.Length)
        {
            throw Corrupt(string.Create(
                CultureInfo.InvariantCulture, $"{what} is {rows}x{columns}, expected {destination.Length}x1"));
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadFloat(what);
        }
    }

    /// <summary>Rows and columns of a serialized dlib matrix (the newer format stores them negated).</summary>
    public (long Rows, long Columns) ReadMatrixSize(string what)
    {
        var rows = ReadSigned(sizeof(long), what);
        var columns = ReadSigned(sizeof(long), what);
        return (Math.Abs(rows), Math.Abs(columns));
    }

    /// <summary>The one-line error for damage found at the current position.</summary>
    public LandmarkModelException Corrupt(string detail) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{source}: not a usable dlib shape predictor model ({detail}, at byte {position} of {data.Length})."));

    private int NextByte(string what)
    {
        if (position >= data.Length)
        {
            throw Corrupt($"the file ends inside {what}");
        }

        return data[position++];
    }

    private ulong ReadMagnitude(int size, int maxBytes, string what)
    {
        if (size == 0 || size > maxBytes)
        {
            throw Corrupt($"{what} has a bad integer size");
        }

        if (size > Remaining)
        {
            throw Corrupt($"the file ends inside {what}");
        }

        ulong value = 0;
        for (var i = size - 1; i >= 0; i--)
        {
            value = (value << 8) | data[position + i];
        }

        position += size;
        return value;
    }
}
