namespace Avts.Web.Engine;

/// <summary>How a control operation on a stream ended.</summary>
public enum StreamChange
{
    /// <summary>Done (or already so: pausing a paused stream).</summary>
    Done,

    /// <summary>No stream of that name.</summary>
    NotFound,

    /// <summary>A stream of that name exists already.</summary>
    Conflict,
}
