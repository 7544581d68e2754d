namespace Avts.Engine.Benchmarks.ActionRecognition;

/// <summary>
/// A dataset folder that does not have the layout a benchmark needs (a split file or the video folder missing, a
/// malformed line). An <see cref="IOException"/>, so the CLI prints the one-line message and exits 1.
/// </summary>
public sealed class DatasetLayoutException : IOException
{
    /// <summary>Creates the exception.</summary>
    public DatasetLayoutException()
    {
    }

    /// <summary>Creates the exception with a one-line message naming what is missing.</summary>
    public DatasetLayoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public DatasetLayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
