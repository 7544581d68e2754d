namespace Avts.Web.Options;

/// <summary>
/// The <c>Avts:Locations</c> section: what a stream added through the API (or restored from the database) may open.
/// Streams under <c>Avts:Streams</c> are the operator's own configuration and are not checked.
/// </summary>
public sealed class LocationOptions
{
    /// <summary>The URL schemes allowed when <see cref="Schemes"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultSchemes = ["rtsp", "rtsps", "rtmp", "rtmps", "srt", "udp", "rtp", "http", "https"];

    /// <summary>URL schemes a location may use (<c>scheme://...</c>); empty: <see cref="DefaultSchemes"/>.</summary>
    public List<string> Schemes { get; set; } = [];

    /// <summary>
    /// Folders stream files may be read from (absolute, or relative to the content root; links are followed before
    /// the check); empty: the data directory's <c>media</c> folder. A relative location is read from the first.
    /// </summary>
    public List<string> FileRoots { get; set; } = [];

    /// <summary>Whether capture devices (<c>v4l2:</c>, <c>pulse:</c>, <c>alsa:</c>, <c>dshow:</c>, <c>wasapi:</c>) may be opened.</summary>
    public bool AllowDevices { get; set; }
}
