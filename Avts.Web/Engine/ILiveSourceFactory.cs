using Avts.Live.Sources;

namespace Avts.Web.Engine;

/// <summary>Makes the source a stream definition opens (ffmpeg by default; tests and QA jobs may substitute fakes).</summary>
public interface ILiveSourceFactory
{
    /// <summary>The source for <paramref name="stream"/>.</summary>
    ILiveSource Create(StreamDefinition stream);
}
