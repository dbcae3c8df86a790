using System.Collections;
using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Immunization.Core.Schedules;

/// <summary>A read-only list of named schedule items (antigens, vaccine groups, CVX codes) in load order, also indexed by name.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class CdsiNamedList<T> : IReadOnlyList<T>
    where T : class
{
    private readonly ReadOnlyCollection<T> _items;
    private readonly FrozenDictionary<string, T> _byName;
    private readonly Func<string, string> _normalize;

    internal CdsiNamedList(IEnumerable<T> items, Func<T, string> name, Func<string, string>? normalize = null)
    {
        _items = Array.AsReadOnly(items.ToArray());
        _normalize = normalize ?? (static n => n);
        var byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in _items)
        {
            byName.TryAdd(_normalize(name(item)), item);
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The number of items.</summary>
    public int Count => _items.Count;

    /// <summary>The item at a position, in load order.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public T this[int index] => _items[index];

    /// <summary>The item with a name (case-insensitive; for CVX codes, leading zeros do not matter).</summary>
    /// <param name="name">The name, e.g. <c>Measles</c>, <c>MMR</c> or <c>03</c>.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KeyNotFoundException">No item has that name; the message names it.</exception>
    public T this[string name] =>
        TryGet(name, out var item) ? item : throw new KeyNotFoundException($"'{name}' is not in the supporting data.");

    /// <summary>Looks an item up by name (case-insensitive; for CVX codes, leading zeros do not matter).</summary>
    /// <param name="name">The name.</param>
    /// <param name="item">The item, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? item)
    {
        item = null;
        return name is not null && _byName.TryGetValue(_normalize(name), out item);
    }

    /// <summary>Whether an item has that name.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> if found.</returns>
    public bool Contains(string name) => TryGet(name, out _);

    /// <summary>Enumerates the items in load order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
