namespace Avts.Tests.Fixtures;

/// <summary>
/// Writes small dlib shape predictor files in dlib's serialization (dlib/serialize.h, shape_predictor.h), so the
/// loader and the cascade can be tested on models whose answer is known, and damaged in controlled ways.
/// </summary>
internal sealed class DlibModelWriter
{
    private readonly List<byte> output = [];

    /// <summary>The bytes written so far.</summary>
    public byte[] ToArray() => output.ToArray();

    /// <summary>
    /// A one-level model of <paramref name="meanShape"/> (interleaved x, y in box units) with one depth-1 tree over
    /// two feature pixels anchored at landmark 0 (offsets <paramref name="pixelOffsets"/>, box units): when pixel 0
    /// minus pixel 1 exceeds <paramref name="threshold"/> the shape moves by <paramref name="leftLeaf"/>, otherwise by
    /// <paramref name="rightLeaf"/>.
    /// </summary>
    public static byte[] OneSplitModel(float[] meanShape, (float X, float Y)[] pixelOffsets, float threshold, float[] leftLeaf, float[] rightLeaf)
    {
        var writer = new DlibModelWriter();
        writer.Signed(1);
        writer.Column(meanShape);
        writer.Unsigned(1); // levels
        writer.Unsigned(1); // trees in the level
        writer.Unsigned(1); // splits
        writer.Unsigned(0);
        writer.Unsigned(1);
        writer.Float(threshold);
        writer.Unsigned(2); // leaves
        writer.Column(leftLeaf);
        writer.Column(rightLeaf);
        writer.Unsigned(1); // anchor lists
        writer.Unsigned((ulong)pixelOffsets.Length);
        foreach (var _ in pixelOffsets)
        {
            writer.Unsigned(0);
        }

        writer.Unsigned(1); // offset lists
        writer.Unsigned((ulong)pixelOffsets.Length);
        foreach (var (x, y) in pixelOffsets)
        {
            writer.Float(x);
            writer.Float(y);
        }

        return writer.ToArray();
    }

    /// <summary>dlib's signed integer: control byte (size, 0x80 when negative), then the magnitude little-endian.</summary>
    public void Signed(long value)
    {
        var magnitude = (ulong)Math.Abs(value);
        WriteInteger(magnitude, value < 0 ? (byte)0x80 : (byte)0);
    }

    /// <summary>dlib's unsigned integer.</summary>
    public void Unsigned(ulong value) => WriteInteger(value, 0);

    /// <summary>dlib's float: the mantissa of a 24-bit significand then the exponent, trailing zero bytes shifted out.</summary>
    public void Float(float value)
    {
        var exponent = value == 0 ? 0 : Math.ILogB(value) + 1;
        var mantissa = (long)Math.ScaleB(value, 24 - exponent);
        exponent -= 24;
        for (var i = 0; i < 8 && mantissa != 0 && (mantissa & 0xFF) == 0; i++)
        {
            mantissa >>= 8;
            exponent += 8;
        }

        Signed(mantissa);
        Signed(exponent);
    }

    /// <summary>A matrix&lt;float,0,1&gt;: rows and columns (negated, dlib's newer format), then the values.</summary>
    public void Column(float[] values)
    {
        Signed(-values.Length);
        Signed(-1);
        foreach (var v in values)
        {
            Float(v);
        }
    }

    private void WriteInteger(ulong magnitude, byte sign)
    {
        Span<byte> bytes = stackalloc byte[9];
        var size = 0;
        do
        {
            bytes[++size] = (byte)(magnitude & 0xFF);
            magnitude >>= 8;
        }
        while (magnitude != 0);
        bytes[0] = (byte)(size | sign);
        output.AddRange(bytes[..(size + 1)]);
    }
}
