namespace Avts.Engine.Dsp;

/// <summary>
/// A feature sampled on a <see cref="TimeGrid"/>. Only [<see cref="ValidFrom"/>, <see cref="ValidTo"/>) holds data
/// (where the source track exists); values outside are zero and must not be used.
/// </summary>
/// <param name="Values">One value per grid point.</param>
/// <param name="ValidFrom">First valid index.</param>
/// <param name="ValidTo">One past the last valid index (equal to <paramref name="ValidFrom"/> when empty).</param>
internal sealed record GridSignal(double[] Values, int ValidFrom, int ValidTo)
{
    /// <summary>Number of valid points.</summary>
    public int ValidCount => Math.Max(0, ValidTo - ValidFrom);

    /// <summary>Whether index <paramref name="k"/> holds data.</summary>
    public bool IsValid(int k) => k >= ValidFrom && k < ValidTo;
}
