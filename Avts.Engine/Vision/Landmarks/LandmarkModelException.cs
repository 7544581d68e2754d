namespace Avts.Engine.Vision.Landmarks;

/// <summary>
/// A landmark model file exists but cannot be used (truncated, corrupt, not a dlib shape predictor). The message is
/// one line meant for the user.
/// </summary>
public sealed class LandmarkModelException : Exception
{
    /// <summary>Creates the exception with a one-line user-facing message.</summary>
    public LandmarkModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line user-facing message and its cause.</summary>
    public LandmarkModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LandmarkModelException()
        : base("The landmark model cannot be used.")
    {
    }
}
