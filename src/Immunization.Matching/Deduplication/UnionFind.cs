namespace Immunization.Matching.Deduplication;

/// <summary>
/// Disjoint sets with union by size and path halving, and an optional guard: each set carries the values of an exclusive
/// attribute (an identity number) its members hold, and a union that would join two different values is refused, unless
/// <c>close</c> says every value of one set is close to every value of the other (a one-edit typo, say).
/// </summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly int[] _exclusive;
    private readonly Func<int, int, bool>? _close;

    // Only roots holding more than one value (tolerated typos) have a list; most sets hold one value in _exclusive.
    private readonly Dictionary<int, List<int>> _values = [];

    public UnionFind(int count, int[]? exclusive, Func<int, int, bool>? close = null)
    {
        _parent = new int[count];
        _size = new int[count];
        _close = close;
        _exclusive = exclusive is null ? new int[count] : (int[])exclusive.Clone();
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
            if (exclusive is null)
            {
                _exclusive[i] = -1;
            }
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/> unless the guard forbids it.</summary>
    /// <returns>Whether the two are now in one set (also when they already were).</returns>
    public bool TryUnion(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }

        var ea = _exclusive[ra];
        var eb = _exclusive[rb];
        List<int>? merged = null;
        if (ea >= 0 && eb >= 0)
        {
            var va = Values(ra);
            var vb = Values(rb);
            if (va.Count > 1 || vb.Count > 1 || ea != eb)
            {
                // Complete linkage on the values: every pair must be close, so typos never chain two distinct values.
                foreach (var x in va)
                {
                    foreach (var y in vb)
                    {
                        if (x != y && (_close is null || !_close(x, y)))
                        {
                            return false;
                        }
                    }
                }

                merged = [.. va.Union(vb)];
            }
        }

        _values.Remove(ra, out var listA);
        _values.Remove(rb, out var listB);
        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        _exclusive[ra] = ea >= 0 ? ea : eb;
        if ((merged ?? listA ?? listB) is { Count: > 1 } list)
        {
            _values[ra] = list;
        }

        return true;
    }

    private List<int> Values(int root) => _values.TryGetValue(root, out var list) ? list : [_exclusive[root]];
}
