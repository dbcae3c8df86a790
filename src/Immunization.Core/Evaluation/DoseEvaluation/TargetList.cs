namespace Immunization.Core.Evaluation;

/// <summary>
/// The target doses of a patient series: one array of values, read and changed through references
/// (<c>run.Targets[i].Status = ...</c>). A mutable struct held in a field of <see cref="PatientSeries"/>: use it through
/// that field only, never through a copy (a copy's <see cref="Add"/> or <see cref="Insert"/> would be lost).
/// </summary>
internal struct TargetList
{
    private TargetDose[] _items;

    public TargetList(int capacity) => _items = capacity == 0 ? [] : new TargetDose[capacity];

    public int Count { get; private set; }

    public readonly ref TargetDose this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            return ref _items[index];
        }
    }

    /// <summary>Empties the list, keeping its array when it holds <paramref name="capacity"/> items (a reused run).</summary>
    public void Clear(int capacity)
    {
        if (_items.Length < capacity)
        {
            _items = new TargetDose[capacity];
        }
        else
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }

    public void Add(TargetDose item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        _items[Count++] = item;
    }

    public void Insert(int index, TargetDose item)
    {
        if ((uint)index > (uint)Count)
        {
            ThrowIndex(index);
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = item;
        Count++;
    }

    public readonly Enumerator GetEnumerator() => new(_items, Count);

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Not a target dose of the series.");

    /// <summary>Enumerates the target doses by value, in order.</summary>
    public struct Enumerator(TargetDose[] items, int count)
    {
        private int _index = -1;

        public readonly TargetDose Current => items[_index];

        public bool MoveNext() => ++_index < count;
    }
}
