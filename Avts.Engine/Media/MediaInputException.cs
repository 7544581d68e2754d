namespace Avts.Engine.Media;

/// <summary>
/// The input cannot be used (missing, unreadable, not media, lacking a stream). The message is one line meant for
/// the user; the CLI prints it as is and exits with code 1.
/// </summary>
public sealed class MediaInputException : Exception
{
    /// <summary>Creates the exception with a one-line user-facing message.</summary>
    public MediaInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line user-facing message and its cause.</summary>
    public MediaInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MediaInputException()
        : base("The media input cannot be used.")
    {
    }
}
