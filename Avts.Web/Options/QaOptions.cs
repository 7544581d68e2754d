using System.ComponentModel.DataAnnotations;

namespace Avts.Web.Options;

/// <summary>The <c>Avts:Qa</c> section: where QA jobs may read files from and how much they may upload.</summary>
public sealed class QaOptions
{
    /// <summary>Default upload limit: 500 MB.</summary>
    public const long DefaultMaxUploadBytes = 500L * 1024 * 1024;

    /// <summary>
    /// Folders a <c>{"path": ...}</c> job may read from (absolute, or relative to the content root); empty: the data
    /// directory's <c>media</c> folder.
    /// </summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>
    /// Containers (ffprobe demuxer names) a QA input may be, decided from the content; empty: mov (mp4), matroska
    /// (webm), avi, mpegts, mpeg, flv, asf, mxf, ogg, nut. Playlists and lists that open other files do not belong here.
    /// </summary>
    public List<string> AllowedFormats { get; set; } = [];

    /// <summary>Largest accepted upload, bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Jobs checked at the same time (each decodes and analyses a whole file: one keeps the live streams smooth).</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Jobs that may wait; beyond this a submission answers 503.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Estimator name, as <c>avts check --method</c>.</summary>
    [Required]
    public string Method { get; set; } = "onset";
}
