using Avts.Live.Sources;

namespace Avts.Web.Engine;

/// <summary>
/// Opens every stream as <c>avts monitor</c> opens its inputs (<see cref="LiveSourceFactory"/>): ffmpeg for URLs,
/// files and ffmpeg devices, WASAPI for a Windows microphone.
/// </summary>
public sealed class LiveInputSourceFactory : ILiveSourceFactory
{
    /// <inheritdoc />
    public ILiveSource Create(StreamDefinition stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return LiveSourceFactory.Create(stream.Name, stream.ToInput());
    }
}
