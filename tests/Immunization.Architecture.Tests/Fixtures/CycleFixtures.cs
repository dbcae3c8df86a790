// Two namespaces that use each other only inside method bodies (the case a signature-only check misses), and one that
// is used without using anything back: NamespaceCycleTests checks that the first pair is found and the third is not.
#pragma warning disable CA1812, CA1822, IDE0051 // never instantiated: read as IL only

namespace Immunization.Architecture.Tests.Fixtures.Left
{
    internal sealed class LeftUser
    {
        public int Count() => new Right.RightUser().Size() + Below.BelowType.Two();
    }
}

namespace Immunization.Architecture.Tests.Fixtures.Right
{
    internal sealed class RightUser
    {
        public int Size() => typeof(Left.LeftUser).Name.Length;
    }
}

namespace Immunization.Architecture.Tests.Fixtures.Below
{
    internal static class BelowType
    {
        public const int One = 1;

        public static int Two() => One + 1;
    }
}
