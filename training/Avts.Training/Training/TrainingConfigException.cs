namespace Avts.Training.Training;

/// <summary>A bad training config (exit code 2): the message is one line.</summary>
public sealed class TrainingConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingConfigException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public TrainingConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public TrainingConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
