using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Immunization.Core.Schedules;

namespace Immunization.Core.Tests;

/// <summary>
/// The public types of the data namespaces are immutable, checked by reflection in the spirit of NodaTime's mutability
/// tests. The rule:
/// <list type="bullet">
/// <item>no public property has a <c>set</c> accessor;</item>
/// <item>an <c>init</c> accessor is allowed only on a readonly struct (a positional <c>readonly record struct</c>: every
/// copy is its own value, and <c>with</c> makes a new one); classes have none, so no object initialiser or <c>with</c>
/// expression can bypass their constructors' checks;</item>
/// <item>structs are <c>readonly</c>; public instance fields are <c>readonly</c>;</item>
/// <item>no public property or field is of a mutable collection type (an array, <c>List&lt;T&gt;</c>,
/// <c>Dictionary&lt;K,V&gt;</c>, <c>HashSet&lt;T&gt;</c>, or the interfaces <c>IList&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>,
/// <c>IDictionary&lt;K,V&gt;</c>, <c>ISet&lt;T&gt;</c>); read-only lists must be <c>ReadOnlyCollection&lt;T&gt;</c>,
/// <c>ImmutableArray&lt;T&gt;</c> or an immutable type of the library, never a mutable list behind an
/// <c>IReadOnlyList&lt;T&gt;</c> (checked on the embedded schedule in <see cref="ScheduleModel_Lists_CannotBeCastToMutableLists"/>).</item>
/// </list>
/// </summary>
public sealed class MutabilityTests
{
    private static readonly string[] s_namespaces =
    [
        "Immunization.Core.Records",
        "Immunization.Core.Schedules",
        "Immunization.Core.Evaluation",
    ];

    /// <summary>
    /// Types that break the rule today, outside the schedule/evaluation scope, each with its owner. Remove an entry when
    /// its type is fixed; the test fails on an entry that no longer breaks the rule, so the list cannot go stale.
    /// </summary>
    private static readonly HashSet<string> s_allowed = new(StringComparer.Ordinal);

    private static readonly Type[] s_mutableGenericCollections =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(SortedSet<>),
        typeof(IList<>), typeof(ICollection<>), typeof(IDictionary<,>), typeof(ISet<>),
    ];

    [Fact]
    public void PublicTypes_InDataNamespaces_AreImmutable()
    {
        var problems = Problems().ToList();

        var unexpected = problems.Where(p => !s_allowed.Contains(p.Type)).Select(p => p.Problem).ToList();
        var stale = s_allowed.Where(a => !problems.Any(p => p.Type == a)).ToList();

        Assert.True(unexpected.Count == 0, "Mutable public API:\n" + string.Join("\n", unexpected));
        Assert.True(stale.Count == 0, "Allow-list entries that are no longer needed:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void PublicTypes_InDataNamespaces_AreFound()
    {
        var types = DataTypes().Select(t => t.Name).ToList();

        Assert.Contains(nameof(AntigenSeries), types);
        Assert.Contains(nameof(Immunization.Core.Evaluation.ImmunizationAssessment), types);
        Assert.Contains("DoseRecord", types);
    }

    [Fact]
    public void ScheduleModel_Lists_CannotBeCastToMutableLists()
    {
        var data = CdsiSupportingData.Embedded;
        var checkedLists = 0;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>(data.Antigens.Cast<object>().Concat(data.VaccineGroups).Concat(data.CvxCodes).Concat(data.LiveVirusConflicts).Concat(data.Observations));
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item))
            {
                continue;
            }

            foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.GetValue(item) is not { } value)
                {
                    continue;
                }

                if (value is IEnumerable list and not string)
                {
                    checkedLists++;
                    Assert.False(value is IList { IsReadOnly: false }, $"{item.GetType().Name}.{property.Name} is a mutable list.");
                    foreach (var element in list)
                    {
                        if (element is not null && element.GetType().Namespace == typeof(CdsiSupportingData).Namespace && !element.GetType().IsEnum)
                        {
                            pending.Push(element);
                        }
                    }
                }
                else if (value.GetType().Namespace == typeof(CdsiSupportingData).Namespace && !value.GetType().IsValueType)
                {
                    pending.Push(value);
                }
            }
        }

        Assert.True(checkedLists > 5_000, $"only {checkedLists} lists checked");
    }

    private static IEnumerable<Type> DataTypes() =>
        typeof(CdsiSupportingData).Assembly.GetExportedTypes().Where(t => s_namespaces.Contains(t.Namespace));

    private static IEnumerable<(string Type, string Problem)> Problems()
    {
        foreach (var type in DataTypes())
        {
            if (type.IsEnum || type.IsInterface || (type.IsAbstract && type.IsSealed) || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            if (type.IsValueType && type.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            {
                yield return (type.Name, $"{type.Name}: struct is not readonly");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (property.SetMethod is { IsPublic: true } setter)
                {
                    var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
                    if (!init || !type.IsValueType)
                    {
                        yield return (type.Name, $"{type.Name}.{property.Name}: public {(init ? "init" : "set")}");
                    }
                }

                if (IsMutableCollection(property.PropertyType))
                {
                    yield return (type.Name, $"{type.Name}.{property.Name}: mutable collection {property.PropertyType.Name}");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                {
                    yield return (type.Name, $"{type.Name}.{field.Name}: public field not readonly");
                }

                if (IsMutableCollection(field.FieldType))
                {
                    yield return (type.Name, $"{type.Name}.{field.Name}: mutable collection {field.FieldType.Name}");
                }
            }
        }
    }

    private static bool IsMutableCollection(Type type) =>
        type.IsArray || (type.IsGenericType && s_mutableGenericCollections.Contains(type.GetGenericTypeDefinition()));
}
