namespace Avts.Training.Training;

/// <summary>Missing or unusable training data (exit code 1): the message is one line.</summary>
public sealed class TrainingDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDataException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public TrainingDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
