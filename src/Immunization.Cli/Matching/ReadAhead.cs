using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Immunization.Cli.Matching;

/// <summary>
/// Enumerates a source on a thread of its own, a few items ahead of the caller: reading and parsing the next batch of a file
/// overlaps with whatever the caller does with the current one (on 2 cores, the core that would wait is used).
/// </summary>
/// <remarks>
/// Items come in the source's order. An exception of the source is rethrown to the caller, as it was thrown, where the item
/// it stopped at would have come. Stopping the enumeration early (a <c>break</c>, an exception of the caller) stops the
/// source's thread and disposes the source's enumerator there.
/// </remarks>
internal static class ReadAhead
{
    /// <summary>The source's items, read at most <paramref name="depth"/> items ahead of the caller.</summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int depth)
    {
        using var items = new BlockingCollection<T>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    items.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped enumerating.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                items.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var item in items.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }
}
