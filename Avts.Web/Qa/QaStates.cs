namespace Avts.Web.Qa;

/// <summary>The states of a QA job, as the API and the database spell them.</summary>
public static class QaStates
{
    /// <summary>Waiting in the queue.</summary>
    public const string Queued = "queued";

    /// <summary>Being decoded and analysed.</summary>
    public const string Running = "running";

    /// <summary>Finished with a report.</summary>
    public const string Done = "done";

    /// <summary>Finished without a report (<see cref="QaJob.Error"/> says why).</summary>
    public const string Failed = "failed";
}
