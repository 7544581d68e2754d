using System.Diagnostics;
using Avts.Engine.Media;

namespace Avts.Tests.Engine.Media;

public sealed class PipeCapacityTests
{
    [Fact]
    public async Task ChildOutputPipe_IsEnlargedOnLinux_AndStillCarriesEveryByte()
    {
        var start = new ProcessStartInfo("head", ["-c", "3000000", "/dev/zero"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;

        var enlarged = PipeCapacity.TryEnlarge(process.StandardOutput.BaseStream);
        long total = 0;
        var buffer = new byte[65536];
        int read;
        while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        await process.WaitForExitAsync();
        Assert.Equal(OperatingSystem.IsLinux(), enlarged);
        Assert.Equal(3_000_000, total);
    }

    [Fact]
    public void AStreamThatIsNotAPipe_IsLeftAlone()
    {
        using var memory = new MemoryStream();
        Assert.False(PipeCapacity.TryEnlarge(memory));
    }
}
