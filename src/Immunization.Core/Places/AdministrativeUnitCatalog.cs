using Ardalis.GuardClauses;

namespace Immunization.Core.Places;

/// <summary>
/// The catalogue of Vietnam's administrative units in both schemes (<see cref="AdministrativeScheme.Old"/>: 63
/// provinces, 696 districts, 10,035 communes; <see cref="AdministrativeScheme.New"/>: 34 provinces, 3,321 communes) and
/// the mapping of old units to new ones, with lookups by code and by name as people write it.
/// </summary>
/// <remarks>
/// <para>
/// The data are embedded in this assembly from thanglequoc/vietnamese-provinces-database (units) and dvhcvn/20250701
/// (mapping), both MIT-licensed; their notices are embedded too (<see cref="LicenseNotices"/>) and shipped in the
/// package's <c>licenses/</c> folder. The catalogue is loaded once, on first use of <see cref="Vietnam"/>; the name
/// indexes are built on the first name lookup.
/// </para>
/// <para>
/// Codes are read together with their scheme: the reform of 1 July 2025 re-used codes with new meanings. Name lookups
/// fold case and diacritics (so "Đắk Lắk", "Đăk Lăk" and "Dak Lak" agree), ignore punctuation and spaces ("Hanoi" is
/// "Ha Noi"), and strip the type word of the level from the front ("Tỉnh", "Thành phố", "TP.", "Quận", "Huyện",
/// "Thị xã", "Phường", "Xã", "Thị trấn", "Đặc khu", ...) or the back ("province", "city", "district", "ward",
/// "commune", ...). The type itself is not compared: "Xã Tân An" also finds "Phường Tân An" of the same province.
/// </para>
/// <para>The mapping was extracted from the 34 resolutions 1654–1687/NQ-UBTVQH15 by its authors; treat partial shares
/// (a split commune) as "possibly", to be settled with the address.</para>
/// </remarks>
/// <threadsafety>This type is immutable and thread-safe; lookups allocate nothing.</threadsafety>
public sealed partial class AdministrativeUnitCatalog
{
    private static readonly string[] s_typeNames =
        ["", "Tỉnh", "Thành phố", "Quận", "Huyện", "Thị xã", "Thành phố", "Phường", "Xã", "Thị trấn", "Đặc khu"];

    // Per unit (by index): one flat array per attribute.
    private readonly string[] _codes;
    private readonly string[] _names;
    private readonly string[] _shortNames;
    private readonly string?[] _englishNames;
    private readonly byte[] _schemes;
    private readonly byte[] _levels;
    private readonly byte[] _types;
    private readonly int[] _provinces;
    private readonly int[] _districts;
    private readonly int[] _newProvinces;
    private readonly int[] _toNewStart;
    private readonly int[] _toNewLength;
    private readonly AdministrativeUnitShare[] _toNew;
    private readonly int[] _toOldStart;
    private readonly int[] _toOldLength;
    private readonly AdministrativeUnitShare[] _toOld;

    // [scheme - 1][level - 1]: the units of that scheme and level, in code order.
    private readonly AdministrativeUnit[][][] _byLevel;

    // [scheme - 1]: key (level << 20 | numeric code) → index.
    private readonly Dictionary<int, int>[] _byCode;

    private NameIndex? _nameIndex;

    /// <summary>Gets the catalogue of Vietnam's administrative units, loaded from the embedded data on first use.</summary>
    /// <exception cref="TypeInitializationException">
    /// The embedded data are malformed (a build defect): its inner <see cref="InvalidDataException"/> says which resource,
    /// row and field.
    /// </exception>
    public static AdministrativeUnitCatalog Vietnam => Holder.Instance;

    /// <summary>
    /// Gets the licence notices of the embedded data (MIT: dvhcvn/20250701, and thanglequoc/vietnamese-provinces-database),
    /// as a text to show wherever the data are redistributed.
    /// </summary>
    public static string LicenseNotices => Holder.Licenses;

    /// <summary>Returns the units of one scheme and level, in code order.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="level">The level; <see cref="AdministrativeLevel.District"/> is empty in the new scheme.</param>
    /// <returns>A span over the catalogue's data.</returns>
    /// <exception cref="ArgumentException"><paramref name="scheme"/> or <paramref name="level"/> is not a defined value.</exception>
    public ReadOnlySpan<AdministrativeUnit> GetUnits(AdministrativeScheme scheme, AdministrativeLevel level)
    {
        Guard.Against.EnumOutOfRange(scheme);
        Guard.Against.EnumOutOfRange(level);
        return _byLevel[(int)scheme - 1][(int)level - 1];
    }

    /// <summary>Finds a unit by its code in a scheme; the level follows from the code's length (2, 3 or 5 digits).</summary>
    /// <param name="scheme">The scheme the code belongs to.</param>
    /// <param name="code">The code, e.g. <c>"79"</c>, <c>"760"</c> or <c>"26734"</c>; surrounding white space is ignored.</param>
    /// <param name="unit">The unit, or <c>default</c> when none.</param>
    /// <returns><see langword="false"/> when the code is malformed, the scheme undefined, or no unit has that code.</returns>
    public bool TryGetByCode(AdministrativeScheme scheme, ReadOnlySpan<char> code, out AdministrativeUnit unit)
    {
        unit = default;
        if (scheme is not (AdministrativeScheme.Old or AdministrativeScheme.New)
            || !TryParseCode(code, out var level, out var value)
            || !_byCode[(int)scheme - 1].TryGetValue(CodeKey(level, value), out var index))
        {
            return false;
        }

        unit = new AdministrativeUnit(index);
        return true;
    }

    /// <summary>Gets a unit by its code in a scheme; the level follows from the code's length (2, 3 or 5 digits).</summary>
    /// <param name="scheme">The scheme the code belongs to.</param>
    /// <param name="code">The code, e.g. <c>"79"</c>, <c>"760"</c> or <c>"26734"</c>.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scheme"/> is not a defined value.</exception>
    /// <exception cref="FormatException"><paramref name="code"/> is not 2, 3 or 5 digits.</exception>
    /// <exception cref="KeyNotFoundException">No unit of the scheme has that code (the message says which code and scheme).</exception>
    public AdministrativeUnit GetByCode(AdministrativeScheme scheme, string code)
    {
        Guard.Against.Null(code);
        Guard.Against.EnumOutOfRange(scheme);
        if (!TryParseCode(code, out var level, out _))
        {
            throw new FormatException(
                $"'{code}' is not an administrative unit code: a code has 2 (province), 3 (district) or 5 (commune) digits.");
        }

        if (!TryGetByCode(scheme, code, out var unit))
        {
            throw new KeyNotFoundException(
                $"No {level.ToString().ToLowerInvariant()} has code {code.Trim()} in the {Describe(scheme)}.");
        }

        return unit;
    }

    /// <summary>Finds a province by its name as people write it ("TP. Hồ Chí Minh", "Ho Chi Minh city", "Hanoi", "Tỉnh Đắk Lắk").</summary>
    /// <param name="scheme">The scheme to search.</param>
    /// <param name="name">The name, with or without its type, diacritics, case or spaces.</param>
    /// <param name="province">The province, or <c>default</c> when none.</param>
    /// <returns><see langword="true"/> when exactly one province of the scheme has that name.</returns>
    /// <remarks>Province names are unique within a scheme. Also knows "HCM", "TP HCM", "TPHCM", "Sài Gòn", and "Thừa Thiên Huế" (renamed Thành phố Huế on 1 January 2025). Allocates nothing.</remarks>
    public bool TryFindProvince(AdministrativeScheme scheme, ReadOnlySpan<char> name, out AdministrativeUnit province)
    {
        province = default;
        if (scheme is not (AdministrativeScheme.Old or AdministrativeScheme.New))
        {
            return false;
        }

        var found = Find(Names.Provinces[(int)scheme - 1], name, AdministrativeLevel.Province);
        if (found.Length != 1)
        {
            return false;
        }

        province = found[0];
        return true;
    }

    /// <summary>Finds the districts of an old-scheme province by name ("Quận 1", "Q.1", "Huyện Quan Hóa", "Thu Duc city").</summary>
    /// <param name="province">An old-scheme province.</param>
    /// <param name="name">The name, with or without its type, diacritics, case or spaces.</param>
    /// <returns>The matching districts: none, one, or (rarely) several. A span over the catalogue's data.</returns>
    /// <exception cref="ArgumentException"><paramref name="province"/> is not an old-scheme province.</exception>
    public ReadOnlySpan<AdministrativeUnit> FindDistricts(AdministrativeUnit province, ReadOnlySpan<char> name)
    {
        if (province.IsDefault || LevelOf(province.Index) != AdministrativeLevel.Province || SchemeOf(province.Index) != AdministrativeScheme.Old)
        {
            throw new ArgumentException("Districts exist only in the old scheme: pass an old-scheme province.", nameof(province));
        }

        return Find(Names.Districts[province.Index], name, AdministrativeLevel.District);
    }

    /// <summary>
    /// Finds the communes (xã, phường, thị trấn, đặc khu) of a province or old district by name. Commune names repeat
    /// across provinces and sometimes within one, so the answer can hold several candidates.
    /// </summary>
    /// <param name="within">A province (of either scheme) or an old-scheme district; candidates are its communes.</param>
    /// <param name="name">The name, with or without its type ("Phường 1", "P.1", "Ba Dinh ward"), diacritics, case or spaces.</param>
    /// <returns>The matching communes: none, one, or several. A span over the catalogue's data; allocates nothing.</returns>
    /// <exception cref="ArgumentException"><paramref name="within"/> is default or a commune.</exception>
    public ReadOnlySpan<AdministrativeUnit> FindCommunes(AdministrativeUnit within, ReadOnlySpan<char> name)
    {
        if (within.IsDefault || LevelOf(within.Index) == AdministrativeLevel.Commune)
        {
            throw new ArgumentException("Pass a province or an old-scheme district to search its communes.", nameof(within));
        }

        return Find(Names.Communes[within.Index], name, AdministrativeLevel.Commune);
    }

    /// <summary>Finds the one commune of a province or old district with a name; see <see cref="FindCommunes"/>.</summary>
    /// <param name="within">A province (of either scheme) or an old-scheme district.</param>
    /// <param name="name">The name as people write it.</param>
    /// <param name="commune">The commune, or <c>default</c> when there is none or several.</param>
    /// <returns><see langword="true"/> when exactly one commune matches.</returns>
    /// <exception cref="ArgumentException"><paramref name="within"/> is default or a commune.</exception>
    public bool TryFindCommune(AdministrativeUnit within, ReadOnlySpan<char> name, out AdministrativeUnit commune)
    {
        var found = FindCommunes(within, name);
        commune = found.Length == 1 ? found[0] : default;
        return found.Length == 1;
    }

    /// <summary>Returns the new-scheme units a unit went into; see <see cref="AdministrativeUnit.MapToNew"/>.</summary>
    /// <param name="unit">A unit of either scheme.</param>
    /// <returns>A span over the catalogue's data, in code order, never empty.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="unit"/> is default.</exception>
    public ReadOnlySpan<AdministrativeUnitShare> MapToNew(AdministrativeUnit unit)
    {
        var index = unit.Index;
        return _toNew.AsSpan(_toNewStart[index], _toNewLength[index]);
    }

    /// <summary>
    /// Returns the old-scheme units a new unit was formed from: for a new commune, the old communes (and island
    /// districts) merged into it, each whole or in part; for a new province, the old provinces merged into it.
    /// </summary>
    /// <param name="unit">A unit of the new scheme.</param>
    /// <returns>A span over the catalogue's data, by level then code; empty for an old-scheme unit.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="unit"/> is default.</exception>
    public ReadOnlySpan<AdministrativeUnitShare> MapToOld(AdministrativeUnit unit)
    {
        var index = unit.Index;
        return _toOld.AsSpan(_toOldStart[index], _toOldLength[index]);
    }

    /// <summary>
    /// Returns <see langword="true"/> when two units of any schemes can denote the same new commune; see
    /// <see cref="AdministrativeUnit.MapsToSameNewCommune"/>.
    /// </summary>
    /// <param name="a">A commune (or old district) of either scheme.</param>
    /// <param name="b">Another.</param>
    /// <returns>Whether some new commune received (part of) both; <see langword="false"/> when either is a province.</returns>
    /// <exception cref="InvalidOperationException">Either unit is default.</exception>
    public bool MapsToSameNewCommune(AdministrativeUnit a, AdministrativeUnit b)
    {
        int ia = a.Index, ib = b.Index;
        if (_levels[ia] == (byte)AdministrativeLevel.Province || _levels[ib] == (byte)AdministrativeLevel.Province)
        {
            return false;
        }

        var sa = _toNew.AsSpan(_toNewStart[ia], _toNewLength[ia]);
        var sb = _toNew.AsSpan(_toNewStart[ib], _toNewLength[ib]);
        foreach (var x in sa)
        {
            foreach (var y in sb)
            {
                if (x.Unit == y.Unit)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Returns the Vietnamese name of a unit type, as official names start ("Tỉnh", "Phường", ...).</summary>
    internal static string TypeNameOf(AdministrativeUnitType type) => s_typeNames[(int)type];

    internal AdministrativeScheme SchemeOf(int index) => (AdministrativeScheme)_schemes[index];

    internal AdministrativeLevel LevelOf(int index) => (AdministrativeLevel)_levels[index];

    internal AdministrativeUnitType TypeOf(int index) => (AdministrativeUnitType)_types[index];

    internal string CodeOf(int index) => _codes[index];

    internal string NameOf(int index) => _names[index];

    internal string ShortNameOf(int index) => _shortNames[index];

    internal string? EnglishNameOf(int index) => _englishNames[index];

    internal int ProvinceIndexOf(int index) => _provinces[index];

    internal int DistrictIndexOf(int index) => _districts[index];

    internal int NewProvinceIndexOf(int index) => _newProvinces[index];

    /// <summary>Mapping rows of the source whose old unit is not in the old list (SOURCE.md caveat 4); kept out of the mapping.</summary>
    internal int UnresolvedMappingRows { get; }

    internal static string Describe(AdministrativeScheme scheme) => scheme == AdministrativeScheme.Old
        ? "old scheme (until 30 June 2025)"
        : "new scheme (from 1 July 2025)";

    private static int CodeKey(AdministrativeLevel level, int code) => ((int)level << 20) | code;

    private static bool TryParseCode(ReadOnlySpan<char> code, out AdministrativeLevel level, out int value)
    {
        code = code.Trim();
        level = code.Length switch
        {
            2 => AdministrativeLevel.Province,
            3 => AdministrativeLevel.District,
            5 => AdministrativeLevel.Commune,
            _ => 0,
        };
        value = 0;
        if (level == 0)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static ReadOnlySpan<AdministrativeUnit> Find(
        Dictionary<string, AdministrativeUnit[]>? index, ReadOnlySpan<char> name, AdministrativeLevel level)
    {
        if (index is null)
        {
            return default;
        }

        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[AdministrativeNameKey.MaxLength];

        // The type word stripped first; then the whole name, for names that start with a type word ("Quan Hóa").
        var length = AdministrativeNameKey.Build(name, level, stripType: true, key);
        if (length > 0 && lookup.TryGetValue(key[..length], out var found))
        {
            return found;
        }

        length = AdministrativeNameKey.Build(name, level, stripType: false, key);
        return length > 0 && lookup.TryGetValue(key[..length], out found) ? found : default;
    }

    private NameIndex Names
    {
        get
        {
            var names = Volatile.Read(ref _nameIndex);
            if (names is null)
            {
                Interlocked.CompareExchange(ref _nameIndex, NameIndex.Build(this), null);
                names = _nameIndex!;
            }

            return names;
        }
    }

    // Nested, so that the data load on first use of Vietnam, and the JIT can treat the loaded instance as a constant.
    private static class Holder
    {
        internal static readonly AdministrativeUnitCatalog Instance = Load();

        internal static readonly string Licenses = string.Join(
            "\n\n",
            ReadResourceText("LICENSE-thanglequoc-vietnamese-provinces-database.txt"),
            ReadResourceText("LICENSE-dvhcvn-20250701.txt"));
    }

    /// <summary>Name keys → units, built once on the first name lookup.</summary>
    private sealed class NameIndex
    {
        // [scheme - 1]
        public required Dictionary<string, AdministrativeUnit[]>[] Provinces { get; init; }

        // By index of an old province.
        public required Dictionary<string, AdministrativeUnit[]>?[] Districts { get; init; }

        // By index of a province (either scheme) or an old district.
        public required Dictionary<string, AdministrativeUnit[]>?[] Communes { get; init; }

        public static NameIndex Build(AdministrativeUnitCatalog catalog)
        {
            var count = catalog._codes.Length;
            var provinces = new Dictionary<string, List<AdministrativeUnit>>[2];
            var districts = new Dictionary<string, List<AdministrativeUnit>>?[count];
            var communes = new Dictionary<string, List<AdministrativeUnit>>?[count];
            for (var s = 0; s < 2; s++)
            {
                provinces[s] = new Dictionary<string, List<AdministrativeUnit>>(StringComparer.Ordinal);
            }

            for (var i = 0; i < count; i++)
            {
                var unit = new AdministrativeUnit(i);
                var level = catalog.LevelOf(i);
                var name = catalog._names[i];
                switch (level)
                {
                    case AdministrativeLevel.Province:
                        var byName = provinces[catalog._schemes[i] - 1];
                        Add(byName, AdministrativeNameKey.BuildString(name, level, stripType: true), unit);
                        if (catalog._englishNames[i] is { } english)
                        {
                            Add(byName, AdministrativeNameKey.BuildString(english, level, stripType: true), unit);
                        }

                        if (catalog._codes[i] == "79")
                        {
                            // How people write Hồ Chí Minh City in every scheme.
                            Add(byName, "hcm", unit);
                            Add(byName, "tphcm", unit);
                            Add(byName, "saigon", unit);
                        }
                        else if (catalog._codes[i] == "46")
                        {
                            // Thừa Thiên Huế became Thành phố Huế on 1 January 2025; records still carry the old name.
                            Add(byName, "thuathienhue", unit);
                        }

                        break;
                    case AdministrativeLevel.District:
                        Add(districts[catalog._provinces[i]] ??= new(StringComparer.Ordinal), Key(name, level), unit);
                        break;
                    default:
                        var key = Key(name, level);
                        Add(communes[catalog._provinces[i]] ??= new(StringComparer.Ordinal), key, unit);
                        if (catalog._districts[i] >= 0)
                        {
                            Add(communes[catalog._districts[i]] ??= new(StringComparer.Ordinal), key, unit);
                        }

                        break;
                }
            }

            return new NameIndex
            {
                Provinces = Array.ConvertAll(provinces, Freeze),
                Districts = Array.ConvertAll(districts, d => d is null ? null : Freeze(d)),
                Communes = Array.ConvertAll(communes, d => d is null ? null : Freeze(d)),
            };

            static string Key(string name, AdministrativeLevel level) => AdministrativeNameKey.BuildString(name, level, stripType: true);
        }

        private static void Add(Dictionary<string, List<AdministrativeUnit>> index, string key, AdministrativeUnit unit)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index.Add(key, list = []);
            }

            if (!list.Contains(unit))
            {
                list.Add(unit);
            }
        }

        private static Dictionary<string, AdministrativeUnit[]> Freeze(Dictionary<string, List<AdministrativeUnit>> index)
        {
            var frozen = new Dictionary<string, AdministrativeUnit[]>(index.Count, StringComparer.Ordinal);
            foreach (var (key, list) in index)
            {
                frozen.Add(key, [.. list]);
            }

            return frozen;
        }
    }

}
