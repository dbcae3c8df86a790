using FsCheck;
using FsCheck.Fluent;

namespace Immunization.Matching.Tests.Support;

/// <summary>FsCheck generators for short strings over small alphabets, where similar strings are common.</summary>
internal static class Generators
{
    public static Gen<string> Word(string alphabet, int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(cs => new string(cs));

    /// <summary>Names: lower-case ASCII, up to 20 characters, from a small alphabet so that matches happen.</summary>
    public static Arbitrary<string> Names => Word("abcdehilmnort", 20).ToArbitrary();

    /// <summary>Strings that may contain non-ASCII letters and run longer than 64 characters (the slow path).</summary>
    public static Arbitrary<string> AnyText => Word("abcđêốưạ xyz", 80).ToArbitrary();
}
