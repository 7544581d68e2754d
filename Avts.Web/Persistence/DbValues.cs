using System.Data.Common;

namespace Avts.Web.Persistence;

/// <summary>Portable conversions between rows and values (times are BIGINT Unix ms, flags INTEGER 0/1).</summary>
public static class DbValues
{
    /// <summary>Unix milliseconds of <paramref name="at"/>.</summary>
    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    /// <summary>The time stored as Unix milliseconds in column <paramref name="ordinal"/>.</summary>
    public static DateTimeOffset Time(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The nullable time in column <paramref name="ordinal"/>.</summary>
    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    /// <summary>The nullable double in column <paramref name="ordinal"/>.</summary>
    public static double? NullableDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The double in column <paramref name="ordinal"/>.</summary>
    public static double Real(DbDataReader reader, int ordinal) =>
        Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 0/1 flag in column <paramref name="ordinal"/>.</summary>
    public static bool Flag(DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) != 0;

    /// <summary>0/1 for a flag.</summary>
    public static int Flag(bool value) => value ? 1 : 0;
}
