namespace Avts.Engine.Media;

/// <summary>
/// How a long input is cut into spans for analysis while it is decoded: each span holds <see cref="SpanSeconds"/>
/// of new picture plus <see cref="OverlapSeconds"/> shared with the next span (one analysis window, so no window is
/// cut in two), and its audio reaches <see cref="AudioMarginSeconds"/> beyond the picture on both sides (a delay
/// search looks that far). Memory holds about one span, whatever the input's length.
/// </summary>
/// <param name="SpanSeconds">New picture per span, seconds (infinity: the whole input as one span).</param>
/// <param name="OverlapSeconds">Picture shared with the next span, seconds.</param>
/// <param name="AudioMarginSeconds">Audio beyond each end of the span's picture, seconds.</param>
public sealed record SpanLayout(double SpanSeconds, double OverlapSeconds, double AudioMarginSeconds)
{
    /// <summary>The whole input as one span.</summary>
    public static SpanLayout Whole { get; } = new(double.PositiveInfinity, 0, 0);

    /// <summary>Whether this layout cuts the input at all.</summary>
    public bool IsWhole => double.IsPositiveInfinity(SpanSeconds);
}
