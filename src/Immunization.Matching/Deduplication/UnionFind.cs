namespace Immunization.Matching.Deduplication;

/// <summary>
/// Disjoint sets with union by size and path halving, and an optional guard: each set carries at most one value of an
/// exclusive attribute (an identity number), and a union that would join two different values is refused.
/// </summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly int[] _exclusive;

    public UnionFind(int count, int[]? exclusive)
    {
        _parent = new int[count];
        _size = new int[count];
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
        if (ea >= 0 && eb >= 0 && ea != eb)
        {
            return false;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        _exclusive[ra] = ea >= 0 ? ea : eb;
        return true;
    }
}
