using Immunization.Core.Identity;

namespace Immunization.Testing.Synthetic;

/// <summary>
/// Issues unique identity numbers: 12-digit CCCD numbers whose structure agrees with the holder (digits 1–3 the province
/// of birth registration, digit 4 sex and century, digits 5–6 the birth year; see <c>shared/domain.md</c>), and 9-digit
/// CMND numbers for the older people who still carry only the old card.
/// </summary>
/// <remarks>
/// The 6-digit CCCD serial is a per-(province, sex, century, year) counter passed through a bijection of 1–999,999 (Core
/// refuses serial 000000 as a placeholder), so numbers look random but never repeat; the number itself is built by <see cref="CitizenId.CreateCccd"/>, so it follows
/// Core's rules exactly. The CMND serial works the same way over 0–399,999,999, skipping the numbers Core refuses as
/// placeholders (such as 012345678). Not thread-safe:
/// one instance serves one sequential run, which keeps the output deterministic.
/// </remarks>
internal sealed class IdentityNumbers
{
    private const int Years = 300; // birth years 1900–2199, the range digit 4 can encode.
    private const long CccdSerials = 999_999; // serials 000001–999999
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
            throw new InvalidOperationException("More than 999,999 CCCD numbers were issued for one province, sex and birth year.");
        }

        var offset = (long)(SplitMix64.Mix(_seed, (ulong)bucket) % CccdSerials);
        // 387,403 shares no factor with 999,999 (3³·7·11·13·37), so the map is a bijection.
        var serial = (((counter * 387_403L) + offset) % CccdSerials) + 1;
        return CitizenId.CreateCccd(provinceCode, sex, birthYear, (int)serial).ToString();
    }

    /// <summary>A 9-digit CMND number (the issuing area is not modelled).</summary>
    public string NextCmnd()
    {
        var offset = (long)(SplitMix64.Mix(_seed, 0xC3D) % CmndSerials);
        Span<char> digits = stackalloc char[9];
        do
        {
            var counter = _cmndCounter++;
            var serial = ((counter * 7_654_321L) + offset) % CmndSerials;
            WriteDigits(digits, serial);
        }
        while (!CitizenId.TryParse(digits, out _));

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
