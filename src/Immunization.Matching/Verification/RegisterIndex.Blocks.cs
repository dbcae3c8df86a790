using Immunization.Matching.Comparators.Vietnamese;

namespace Immunization.Matching.Verification;

public sealed partial class RegisterIndex
{
    /// <summary>
    /// The people under a blocking key (empty when none). The blocking table keeps a 32-bit fingerprint of each key, not the
    /// key: a block whose fingerprint matches is the key's when its first person has the key among their own blocking keys,
    /// recomputed from their identity key (which scoring reads next anyway); otherwise the search goes on.
    /// </summary>
    private ReadOnlySpan<int> Block(long key)
    {
        var cursor = -1;
        while (true)
        {
            var members = _blocks.Find(key, ref cursor);
            if (members.IsEmpty || HasBlockKey(members[0], key))
            {
                return members;
            }
        }
    }

    private bool HasBlockKey(int person, long key)
    {
        Span<long> keys = stackalloc long[KeysPerPerson];
        var n = BlockKeys(_keys[person], keys);
        return keys[..n].Contains(key);
    }
}
