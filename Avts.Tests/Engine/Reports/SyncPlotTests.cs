using Avts.Engine.Reports;

namespace Avts.Tests.Engine.Reports;

public sealed class SyncPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(75.0, true)]
    [InlineData(null, false)]
    public void Writes_a_png(double? delay, bool withCurve)
    {
        var path = Path.Combine(Path.GetTempPath(), $"avts-plot-{Guid.NewGuid():N}.png");
        try
        {
            var report = ReportSamples.Create(delay);
            var curve = withCurve
                ? new Avts.Engine.Scoring.OffsetCurve([-100, 0, 75, 100], [0.1, 0.3, 0.9, 0.5], "correlation")
                : null;
            SyncPlot.SavePng(report, curve, path, 800, 600);
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(PngSignature, bytes[..8]);
            // IHDR holds width and height big-endian at offsets 16 and 20.
            Assert.Equal(800, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(600, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
