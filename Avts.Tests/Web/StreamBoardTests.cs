using Avts.Live.Pipeline;
using Avts.Live.Sources;
using Avts.Web.Engine;

namespace Avts.Tests.Web;

/// <summary>The board turns per-window alert flags into raise/clear transitions with the peak delay, and counts drops.</summary>
public sealed class StreamBoardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AlertFlags_BecomeOneRaiseAndOneClear_WithPeak()
    {
        var board = new StreamBoard();
        Assert.True(board.TryAdd(Definition("s"), T0));
        Assert.False(board.TryAdd(Definition("s"), T0));

        (double Delay, bool Alert)[] windows = [(10, false), (150, true), (220, true), (-260, true), (5, false), (0, false)];
        var transitions = new List<AlertTransition>();
        var dropped = 0L;
        for (var i = 0; i < windows.Length; i++)
        {
            var outcome = board.Apply(Result("s", windows[i].Delay, windows[i].Alert, dropped: i), T0.AddSeconds(i));
            dropped += outcome.NewlyDropped;
            if (outcome.Alert is { } alert)
            {
                transitions.Add(alert);
            }
        }

        Assert.Equal(2, transitions.Count);
        Assert.True(transitions[0].Raised);
        Assert.Equal(T0.AddSeconds(1), transitions[0].RaisedAt);
        Assert.False(transitions[1].Raised);
        Assert.Equal(T0.AddSeconds(1), transitions[1].RaisedAt);
        Assert.Equal(T0.AddSeconds(4), transitions[1].At);
        Assert.Equal(-260, transitions[1].PeakDelayMs);
        Assert.Equal(5, dropped);
        var snapshot = board.Snapshot("s")!;
        Assert.Equal(6, snapshot.Windows);
        Assert.Equal("live", snapshot.State);
        Assert.False(snapshot.Alert);
    }

    [Fact]
    public void PausedStream_IgnoresLateResults_AndShowsPaused()
    {
        var board = new StreamBoard();
        board.TryAdd(Definition("s"), T0);
        board.Update(Definition("s") with { Paused = true }, T0.AddSeconds(1));

        var outcome = board.Apply(Result("s", 300, alert: true, dropped: 0), T0.AddSeconds(2));

        Assert.Null(outcome.Alert);
        Assert.Equal("paused", board.Snapshot("s")!.State);
        Assert.Equal(0, board.ActiveCount);
    }

    [Fact]
    public void PausingOrRemovingAStreamWithARaisedAlert_ClearsIt_WithItsPeak()
    {
        var board = new StreamBoard();
        board.TryAdd(Definition("a"), T0);
        board.TryAdd(Definition("b"), T0);
        board.Apply(Result("a", 180, alert: true, dropped: 0), T0.AddSeconds(1));
        board.Apply(Result("b", -240, alert: true, dropped: 0), T0.AddSeconds(1));

        var paused = board.Update(Definition("a") with { Paused = true }, T0.AddSeconds(2));
        var removed = board.Remove("b", T0.AddSeconds(3));

        Assert.NotNull(paused);
        Assert.False(paused.Raised);
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(2), 180.0), (paused.RaisedAt, paused.At, paused.PeakDelayMs!.Value));
        Assert.NotNull(removed);
        Assert.Equal(-240, removed.PeakDelayMs);
        Assert.Null(board.Update(Definition("a"), T0.AddSeconds(4))); // resumed: nothing left to clear
        Assert.Null(board.Remove("b", T0.AddSeconds(5)));
    }

    private static StreamDefinition Definition(string name) =>
        new(name, "clip.mp4", Loop: true, RealTime: true, InjectDelay: null, RtspTransport.Auto, Paused: false, T0);

    private static LiveWindowResult Result(string stream, double delay, bool alert, long dropped) =>
        new(stream, 0, 4, delay, delay, 0.9, StreamState.Live, null, alert, 12, dropped);
}
