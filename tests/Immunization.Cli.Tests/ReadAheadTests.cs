using Immunization.Cli.Matching;
using Immunization.Cli.StandardFiles;

namespace Immunization.Cli.Tests;

public sealed class ReadAheadTests
{
    [Fact]
    public void Of_ManyItems_ComesInTheSourcesOrder()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 10_000), 2).ToList();

        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public void Of_SourceThrows_ItemsBeforeComeThenTheSameExceptionOnTheCallersThread()
    {
        var seen = new List<int>();

        var e = Assert.Throws<CliInputException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(3), 2))
            {
                seen.Add(item);
            }
        });

        Assert.Equal([0, 1, 2], seen);
        Assert.Equal("row 4", e.Message);
    }

    [Fact]
    public void Of_CallerStopsEarly_SourceIsDisposedAndStopsReading()
    {
        var source = new CountingSource();

        foreach (var item in ReadAhead.Of(source.Items(), 1))
        {
            if (item == 5)
            {
                break;
            }
        }

        Assert.True(source.Disposed);
        // At most the items handed over, the one waiting in the buffer and the one being added when the caller stopped.
        Assert.InRange(source.Produced, 6, 8);
    }

    private static IEnumerable<int> Failing(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new CliInputException("row 4");
    }

    private sealed class CountingSource
    {
        public int Produced { get; private set; }

        public bool Disposed { get; private set; }

        public IEnumerable<int> Items()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Produced++;
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
