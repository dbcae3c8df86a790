using System.Collections.ObjectModel;

namespace Immunization.Core.Schedules;

/// <summary>Read-only copies that cannot be cast back to a mutable list.</summary>
internal static class ReadOnly
{
    public static ReadOnlyCollection<T> Copy<T>(IEnumerable<T> items) =>
        items is ICollection<T> { Count: 0 } ? ReadOnlyCollection<T>.Empty : Array.AsReadOnly(items.ToArray());

    /// <summary>A private copy of the items, for a type that keeps the array for the engine and exposes it through <see cref="Wrap"/>.</summary>
    public static T[] ToArray<T>(IEnumerable<T> items) => items is ICollection<T> { Count: 0 } ? [] : items.ToArray();

    /// <summary>A read-only view of an array the caller never changes (the empty collection for an empty array).</summary>
    public static ReadOnlyCollection<T> Wrap<T>(T[] items) => items.Length == 0 ? ReadOnlyCollection<T>.Empty : Array.AsReadOnly(items);
}
