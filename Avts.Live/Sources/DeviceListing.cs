namespace Avts.Live.Sources;

/// <summary>What <see cref="DeviceLister"/> found, with one note per kind it could not look at (and why).</summary>
/// <param name="Devices">The devices, pictures first.</param>
/// <param name="Notes">One line per missing tool or unreadable source; empty when everything was looked at.</param>
public sealed record DeviceListing(IReadOnlyList<CaptureDevice> Devices, IReadOnlyList<string> Notes);
