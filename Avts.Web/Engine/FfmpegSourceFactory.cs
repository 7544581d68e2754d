using Avts.Live.Sources;

namespace Avts.Web.Engine;

/// <summary>Opens every stream with ffmpeg (<see cref="FfmpegLiveSource"/>).</summary>
public sealed class FfmpegSourceFactory : ILiveSourceFactory
{
    /// <inheritdoc />
    public ILiveSource Create(StreamDefinition stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FfmpegLiveSource(stream.Name, stream.ToInput());
    }
}
