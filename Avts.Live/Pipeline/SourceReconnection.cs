using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Avts.Live.Sources;

namespace Avts.Live.Pipeline;

/// <summary>The reconnect policy of live sources, as an Rx operator.</summary>
public static class SourceReconnection
{
    /// <summary>
    /// Opens <paramref name="source"/> and keeps it open: when it errors, completes without having said
    /// <see cref="SourceStatus.Ended"/>, or sends nothing for <see cref="LiveOptions.StallTimeout"/> (then its
    /// subscription is disposed, which kills its process), a <see cref="SourceStatus.Reconnecting"/> status is emitted
    /// and the source is opened again after a delay that starts at <see cref="LiveOptions.ReconnectInitialDelay"/> and
    /// doubles per failure up to <see cref="LiveOptions.ReconnectMaxDelay"/>. Once media flows the delay and the failure
    /// count start over. After <see cref="LiveOptions.MaxReconnectAttempts"/> reconnects in a row without media (0 =
    /// never) a <see cref="SourceStatus.Failed"/> status is emitted and the sequence completes; a finite input that
    /// said <see cref="SourceStatus.Ended"/> and completes completes the sequence too. The sequence never errors.
    /// <para>
    /// An opening gets <see cref="LiveOptions.ConnectTimeout"/> until its first media, unless it says
    /// <see cref="SourceStatus.Listening"/>: a listener (udp, rtp, srt listener, rtmp listen) waiting for its sender is
    /// not stalled, and cycling it would only unbind the port the sender comes back to; it waits until media flows,
    /// after which the stall timeout applies as usual.
    /// </para>
    /// <para>
    /// A <see cref="SourceStatus.Connected"/> status is emitted before the first media of each connection unless the
    /// source sent one itself. A <see cref="SourceStatus.Failed"/> from the source is not passed on: only this operator
    /// decides when to give up; its detail becomes the reason given with the reconnect.
    /// </para>
    /// <para>
    /// All timing uses <paramref name="scheduler"/>, which also stamps the emitted statuses and is handed to the source as
    /// its clock. Events are passed on under one lock per subscription, so downstream sees one serialized sequence even
    /// though a source's frames and audio arrive on different reader threads.
    /// </para>
    /// </summary>
    public static IObservable<SourceEvent> Reconnecting(this ILiveSource source, LiveOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Observable.Create<SourceEvent>(observer =>
        {
            var loop = new ReconnectLoop(source, options, scheduler, observer);
            loop.Start();
            return loop;
        });
    }
}
