using Microsoft.Extensions.Logging;

namespace Avts.Live.Cli;

/// <summary>
/// The CLI's log sink: one "avts: message" line per entry on stderr (stdout belongs to the data), warnings always,
/// progress messages only with <c>--verbose</c>.
/// </summary>
/// <typeparam name="T">The logging category.</typeparam>
/// <param name="error">Where lines go (stderr).</param>
/// <param name="minimum">The lowest level written.</param>
internal sealed class LineLogger<T>(TextWriter error, LogLevel minimum) : ILogger<T>
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            var warning = logLevel >= LogLevel.Warning ? "warning: " : "";
            error.WriteLine($"avts: {warning}{formatter(state, exception)}");
        }
    }
}
