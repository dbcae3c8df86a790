namespace Immunization.Architecture.Tests;

/// <summary>Which namespace of an assembly uses which other namespace of the same assembly, with one example each.</summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Builds the graph of an assembly's own namespaces (those under its name; compiler-generated ones left out).</summary>
    public NamespaceGraph(AssemblyIl il, string rootNamespace)
    {
        foreach (var (from, to) in il.TypeUses)
        {
            if (!il.Defines(to))
            {
                continue;
            }

            var a = AssemblyIl.NamespaceOf(from);
            var b = AssemblyIl.NamespaceOf(to);
            if (a == b || !IsOwn(a, rootNamespace) || !IsOwn(b, rootNamespace))
            {
                continue;
            }

            if (!_edges.TryGetValue(a, out var targets))
            {
                _edges[a] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
            }

            targets.TryAdd(b, $"{from.FullName} uses {to.FullName}");
        }
    }

    /// <summary>The namespaces that use at least one other.</summary>
    public IEnumerable<string> Sources => _edges.Keys;

    /// <summary>Whether namespace <paramref name="from"/> uses <paramref name="to"/>.</summary>
    public bool Uses(string from, string to) => _edges.TryGetValue(from, out var t) && t.ContainsKey(to);

    /// <summary>The namespaces <paramref name="from"/> uses, each with an example of a use.</summary>
    public IReadOnlyDictionary<string, string> Targets(string from) =>
        _edges.TryGetValue(from, out var t) ? t : new SortedDictionary<string, string>();

    /// <summary>The strongly connected groups of two or more namespaces (Tarjan), each sorted; none means no cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Targets(v).Keys)
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);

                if (group.Count > 1)
                {
                    group.Sort(StringComparer.Ordinal);
                    groups.Add(group);
                }
            }
        }

        foreach (var n in nodes)
        {
            if (!index.ContainsKey(n))
            {
                Visit(n);
            }
        }

        return groups;
    }

    /// <summary>A cycle group described edge by edge with an example use, for a failure message.</summary>
    public string Describe(IReadOnlyList<string> group) =>
        string.Join(Environment.NewLine, group.SelectMany(a => Targets(a).Where(t => group.Contains(t.Key)).Select(t => $"  {a} -> {t.Key}: {t.Value}")));

    private static bool IsOwn(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}
