using FsCheck;
using FsCheck.Fluent;
using Immunization.Matching.Scoring;

namespace Immunization.Matching.Tests.Scoring;

public sealed class ValueInternerTests
{
    [Fact]
    public void Intern_SameTextFromDifferentSpans_GivesTheSameId()
    {
        var interner = new ValueInterner(10);
        var text = "xNguyễnx".AsSpan(1, 6);

        var first = interner.Intern(text);
        var second = interner.Intern("Nguyễn");

        Assert.Equal(0, first);
        Assert.Equal(first, second);
        Assert.Equal(["Nguyễn"], interner.ToArray());
    }

    [Fact]
    public void Intern_MoreDistinctValuesThanTheCapacity_Throws()
    {
        var interner = new ValueInterner(2);
        interner.Intern("a");
        interner.Intern("b");

        Assert.Equal(1, interner.Intern("b"));
        Assert.Throws<InvalidOperationException>(() => interner.Intern("c"));
    }

    [Fact]
    public void Clear_AfterValues_StartsIdsAgainFromZero()
    {
        var interner = new ValueInterner(4);
        interner.Intern("a");
        interner.Intern("b");

        interner.Clear();

        Assert.Equal(0, interner.Intern("b"));
        Assert.Equal(["b"], interner.ToArray());
    }

    [FsCheck.Xunit.Property]
    public Property Intern_AnyTexts_IdsAreDenseInFirstSeenOrderAndEqualExactlyForEqualTexts() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("", "a", "A", "ab", "ba", "Hòa", "Hoà", "hoa")).ToArbitrary(), texts =>
        {
            var interner = new ValueInterner(texts.Count);
            var ids = texts.Select(t => interner.Intern(t)).ToArray();
            var expected = texts.Distinct(StringComparer.Ordinal).ToList();
            return interner.ToArray().SequenceEqual(expected)
                && ids.Select((id, i) => expected[id] == texts[i]).All(x => x);
        });
}
