using System.Collections.ObjectModel;

namespace Immunization.Core.Schedules;

/// <summary>Read-only copies that cannot be cast back to a mutable list.</summary>
internal static class ReadOnly
{
    public static ReadOnlyCollection<T> Copy<T>(IEnumerable<T> items) =>
        items is ICollection<T> { Count: 0 } ? ReadOnlyCollection<T>.Empty : Array.AsReadOnly(items.ToArray());
}
