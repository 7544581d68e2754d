using Avts.Engine.Media;
using Avts.Engine.Scoring;

namespace Avts.Tests.Web;

/// <summary>An estimator that fails on every window: what a bug in a scorer looks like to the live pipeline.</summary>
internal sealed class ThrowingEstimator : ISyncEstimator
{
    /// <summary>The message of the exception it throws.</summary>
    public const string Message = "estimator broke on purpose";

    public string Name => "throws";

    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);

    public void Dispose()
    {
    }
}
