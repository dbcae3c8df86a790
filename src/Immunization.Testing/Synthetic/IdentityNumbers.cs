using Immunization.Core.Identity;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Issues unique identity numbers: 12-digit CCCD numbers whose structure agrees with the holder (digits 1–3 the province
/// of birth registration, digit 4 sex and century, digits 5–6 the birth year; see <c>shared/domain.md</c>), and 9-digit
/// CMND numbers for the older people who still carry only the old card.
/// </summary>
/// <remarks>
/// The 6-digit CCCD serial is a per-(province, sex, century, year) counter passed through a bijection of 0–999,999, so
/// numbers look random but never repeat; the number itself is built by <see cref="CitizenId.CreateCccd"/>, so it follows
/// Core's rules exactly. The CMND serial works the same way over 0–399,999,999. Not thread-safe:
/// one instance serves one sequential run, which keeps the output deterministic.
/// </remarks>
internal sealed class IdentityNumbers
{
    private const int Years = 300; // birth years 1900–2199, the range digit 4 can encode.
    private const long CccdSerials = 1_000_000;
    private const long CmndSerials = 400_000_000;

    private readonly int[] _cccdCounters;
    private readonly ulong _seed;
    private long _cmndCounter;

    public IdentityNumbers(ulong seed, int provinceCount)
    {
        _seed = seed;
        _cccdCounters = new int[provinceCount * 2 * Years];
    }

    /// <summary>A CCCD for a person born in <paramref name="birthYear"/> whose birth was registered in the province
    /// with the given index (0-based, into the list of pre-2025 provinces) and 2-digit code.</summary>
    public string NextCccd(int provinceIndex, int provinceCode, Sex sex, int birthYear)
    {
        var female = sex == Sex.Female ? 1 : 0;
        var bucket = ((provinceIndex * 2) + female) * Years + (birthYear - 1900);
        var counter = _cccdCounters[bucket]++;
        if (counter >= CccdSerials)
        {
            throw new InvalidOperationException("More than a million CCCD numbers were issued for one province, sex and birth year.");
        }

        var offset = (long)(SplitMix64.Mix(_seed, (ulong)bucket) % CccdSerials);
        var serial = ((counter * 387_403L) + offset) % CccdSerials;
        return CitizenId.CreateCccd(provinceCode, sex, birthYear, (int)serial).ToString();
    }

    /// <summary>A 9-digit CMND number (the issuing area is not modelled).</summary>
    public string NextCmnd()
    {
        var counter = _cmndCounter++;
        var offset = (long)(SplitMix64.Mix(_seed, 0xC3D) % CmndSerials);
        var serial = ((counter * 7_654_321L) + offset) % CmndSerials;
        Span<char> digits = stackalloc char[9];
        WriteDigits(digits, serial);
        return new string(digits);
    }

    private static void WriteDigits(Span<char> destination, long value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
