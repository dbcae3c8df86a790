namespace Immunization.Matching.Blocking;

/// <summary>A growable list of record pairs stored as two parallel arrays of indexes.</summary>
internal sealed class PairList
{
    private int[] _left = new int[1024];
    private int[] _right = new int[1024];

    public int Count { get; private set; }

    public int[] LeftIndexes => _left;

    public int[] RightIndexes => _right;

    public void Add(int left, int right)
    {
        if (Count == _left.Length)
        {
            Array.Resize(ref _left, _left.Length * 2);
            Array.Resize(ref _right, _right.Length * 2);
        }

        _left[Count] = left;
        _right[Count] = right;
        Count++;
    }
}
