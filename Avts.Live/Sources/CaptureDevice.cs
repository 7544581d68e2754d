namespace Avts.Live.Sources;

/// <summary>A capture device found by <see cref="DeviceLister"/>.</summary>
/// <param name="Location">The spec to open it with (<c>v4l2:/dev/video0</c>, <c>pulse:NAME</c>, <c>alsa:hw:0,0</c>, <c>dshow:video=NAME</c>).</param>
/// <param name="Description">What the system calls it.</param>
/// <param name="HasVideo">It gives pictures.</param>
/// <param name="HasAudio">It gives sound.</param>
public sealed record CaptureDevice(string Location, string Description, bool HasVideo, bool HasAudio);
