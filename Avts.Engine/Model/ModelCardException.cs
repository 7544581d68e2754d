namespace Avts.Engine.Model;

/// <summary>
/// A checkpoint cannot be used: its model card is missing, unreadable, of another schema version, or describes
/// another architecture or preprocessing than requested. The message is one line meant for the user.
/// </summary>
public sealed class ModelCardException : Exception
{
    /// <summary>Creates the exception with a one-line user-facing message.</summary>
    public ModelCardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line user-facing message and its cause.</summary>
    public ModelCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelCardException()
        : base("The model checkpoint cannot be used.")
    {
    }
}
