using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Immunization.Core.Places;

public sealed partial class AdministrativeUnitCatalog
{
    private const string ResourcePrefix = "Immunization.Core.Places.";
    private const string OldUnitsResource = "units_old_2025-03-01.json";
    private const string NewProvincesResource = "provinces_new.csv";
    private const string NewCommunesResource = "communes_new.csv";
    private const string ProvinceMappingResource = "province_old_to_new.csv";
    private const string CommuneMappingResource = "commune_old_to_new.csv";

    private AdministrativeUnitCatalog(Builder b)
    {
        var count = b.Codes.Count;
        _codes = [.. b.Codes];
        _names = [.. b.Names];
        _englishNames = [.. b.EnglishNames];
        _schemes = [.. b.Schemes];
        _levels = [.. b.Levels];
        _types = [.. b.Types];
        _provinces = [.. b.Provinces];
        _districts = [.. b.Districts];
        _shortNames = new string[count];
        for (var i = 0; i < count; i++)
        {
            // Official names start with their type word ("Thành phố Hà Nội"); the short name is the rest.
            _shortNames[i] = _names[i][(s_typeNames[_types[i]].Length + 1)..];
        }

        _byCode = [new Dictionary<int, int>(), new Dictionary<int, int>()];
        var byLevel = new List<AdministrativeUnit>[2][];
        for (var s = 0; s < 2; s++)
        {
            byLevel[s] = [[], [], []];
        }

        for (var i = 0; i < count; i++)
        {
            _byCode[_schemes[i] - 1].Add(CodeKey((AdministrativeLevel)_levels[i], int.Parse(_codes[i], CultureInfo.InvariantCulture)), i);
            byLevel[_schemes[i] - 1][_levels[i] - 1].Add(new AdministrativeUnit(i));
        }

        _byLevel = Array.ConvertAll(byLevel, levels => Array.ConvertAll(levels, list => list.ToArray()));

        (_toNewStart, _toNewLength, _toNew) = Group(count, b.ToNew);
        (_toOldStart, _toOldLength, _toOld) = Group(count, b.ToOld);

        // The sources list shares in no useful order; code order makes MapToNew/MapToOld (and what people read) stable.
        var byCodeOrder = Comparer<AdministrativeUnitShare>.Create((x, y) =>
        {
            var c = _levels[x.Unit.Index].CompareTo(_levels[y.Unit.Index]);
            return c != 0 ? c : string.CompareOrdinal(_codes[x.Unit.Index], _codes[y.Unit.Index]);
        });
        for (var i = 0; i < count; i++)
        {
            Array.Sort(_toNew, _toNewStart[i], _toNewLength[i], byCodeOrder);
            Array.Sort(_toOld, _toOldStart[i], _toOldLength[i], byCodeOrder);
        }

        _newProvinces = new int[count];
        for (var i = 0; i < count; i++)
        {
            var province = _provinces[i];
            _newProvinces[i] = _schemes[i] == (byte)AdministrativeScheme.New ? province : _toNew[_toNewStart[province]].Unit.Index;
        }

        UnresolvedMappingRows = b.UnresolvedMappingRows;
    }

    /// <summary>Reads the embedded resources into a new catalogue (the benchmarks measure this; everyone else uses <see cref="Vietnam"/>).</summary>
    internal static AdministrativeUnitCatalog Load()
    {
        var b = new Builder();
        b.LoadOldUnits(ReadResourceBytes(OldUnitsResource));
        b.LoadNewProvinces(ReadResourceText(NewProvincesResource));
        b.LoadNewCommunes(ReadResourceText(NewCommunesResource));
        b.LoadProvinceMapping(ReadResourceText(ProvinceMappingResource));
        b.LoadCommuneMapping(ReadResourceText(CommuneMappingResource));
        b.CompleteMapping();
        return new AdministrativeUnitCatalog(b);
    }

    // Flat arrays of (from → share) pairs grouped by "from" (each group in the order added; the constructor sorts them).
    private static (int[] Start, int[] Length, AdministrativeUnitShare[] Items) Group(int count, List<(int From, AdministrativeUnitShare Share)> pairs)
    {
        var start = new int[count];
        var length = new int[count];
        foreach (var (from, _) in pairs)
        {
            length[from]++;
        }

        for (int i = 0, offset = 0; i < count; i++)
        {
            start[i] = offset;
            offset += length[i];
        }

        var items = new AdministrativeUnitShare[pairs.Count];
        var next = (int[])start.Clone();
        foreach (var (from, share) in pairs)
        {
            items[next[from]++] = share;
        }

        return (start, length, items);
    }

    private static Stream OpenResource(string name) =>
        typeof(AdministrativeUnitCatalog).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidDataException($"Embedded resource {ResourcePrefix}{name} is missing from Immunization.Core (a build defect).");

    private static byte[] ReadResourceBytes(string name)
    {
        using var stream = OpenResource(name);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string ReadResourceText(string name) => Encoding.UTF8.GetString(ReadResourceBytes(name));

    private static InvalidDataException BadData(string resource, int row, string field, string reason) =>
        new($"Embedded resource {resource}, row {row}, field {field}: {reason}.");

    /// <summary>Accumulates the units and the mapping while the resources are read.</summary>
    private sealed class Builder
    {
        public List<string> Codes { get; } = [];

        public List<string> Names { get; } = [];

        public List<string?> EnglishNames { get; } = [];

        public List<byte> Schemes { get; } = [];

        public List<byte> Levels { get; } = [];

        public List<byte> Types { get; } = [];

        public List<int> Provinces { get; } = [];

        public List<int> Districts { get; } = [];

        public List<(int From, AdministrativeUnitShare Share)> ToNew { get; } = [];

        public List<(int From, AdministrativeUnitShare Share)> ToOld { get; } = [];

        public int UnresolvedMappingRows { get; private set; }

        private readonly Dictionary<int, int>[] _index = [new(), new()];

        public void LoadOldUnits(byte[] json)
        {
            // Array of provinces { Code, FullName, District: [ { Code, FullName, ProvinceCode, Ward: [ { Code, FullName, DistrictCode } ] | null } ] }.
            var provinces = new List<(string Code, string Name)>();
            var districts = new List<(string Code, string Name, string Parent)>();
            var communes = new List<(string Code, string Name, string Parent)>();
            var reader = new Utf8JsonReader(json);
            var depth = 0;
            var property = Property.Other;
            var code = new string?[4];
            var name = new string?[4];
            var parent = new string?[4];
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject:
                            depth++;
                            if (depth > 3)
                            {
                                throw new InvalidDataException($"Embedded resource {OldUnitsResource}: objects nested deeper than wards.");
                            }

                            code[depth] = name[depth] = parent[depth] = null;
                            break;
                        case JsonTokenType.EndObject:
                            var unitCode = code[depth] ?? throw new InvalidDataException($"Embedded resource {OldUnitsResource}: a unit without Code near byte {reader.TokenStartIndex}.");
                            var unitName = name[depth] ?? throw new InvalidDataException($"Embedded resource {OldUnitsResource}: unit {unitCode} has no FullName.");
                            if (depth == 1)
                            {
                                provinces.Add((unitCode, unitName));
                            }
                            else
                            {
                                var parentCode = parent[depth] ?? throw new InvalidDataException($"Embedded resource {OldUnitsResource}: unit {unitCode} has no parent code.");
                                (depth == 2 ? districts : communes).Add((unitCode, unitName, parentCode));
                            }

                            depth--;
                            break;
                        case JsonTokenType.PropertyName:
                            property = reader.ValueTextEquals("Code"u8) ? Property.Code
                                : reader.ValueTextEquals("FullName"u8) ? Property.FullName
                                : reader.ValueTextEquals("ProvinceCode"u8) || reader.ValueTextEquals("DistrictCode"u8) ? Property.Parent
                                : Property.Other;
                            break;
                        case JsonTokenType.String when property != Property.Other:
                            var value = reader.GetString();
                            switch (property)
                            {
                                case Property.Code: code[depth] = value; break;
                                case Property.FullName: name[depth] = value; break;
                                default: parent[depth] = value; break;
                            }

                            break;
                        default:
                            break;
                    }
                }
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Embedded resource {OldUnitsResource} is not valid JSON: {e.Message}", e);
            }

            var provinceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (c, n) in provinces)
            {
                provinceIndex.Add(c, Add(AdministrativeScheme.Old, AdministrativeLevel.Province, c, n, null, OldUnitsResource, provinces.Count, -1, -1, selfProvince: true));
            }

            var districtIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (c, n, p) in districts)
            {
                var province = provinceIndex.TryGetValue(p, out var pi) ? pi : throw new InvalidDataException($"Embedded resource {OldUnitsResource}: district {c} names unknown province {p}.");
                districtIndex.Add(c, Add(AdministrativeScheme.Old, AdministrativeLevel.District, c, n, null, OldUnitsResource, 0, province, -1));
            }

            foreach (var (c, n, p) in communes)
            {
                var district = districtIndex.TryGetValue(p, out var di) ? di : throw new InvalidDataException($"Embedded resource {OldUnitsResource}: commune {c} names unknown district {p}.");
                Add(AdministrativeScheme.Old, AdministrativeLevel.Commune, c, n, null, OldUnitsResource, 0, Provinces[district], district);
            }
        }

        public void LoadNewProvinces(string csv)
        {
            var row = new CsvReader(csv, NewProvincesResource, "province_code,province_name,province_name_en,province_type", stackalloc Range[5]);
            while (row.MoveNext())
            {
                Add(AdministrativeScheme.New, AdministrativeLevel.Province, row.String(0), row.String(1), row.String(2), NewProvincesResource, row.Number, -1, -1, selfProvince: true);
            }
        }

        public void LoadNewCommunes(string csv)
        {
            var row = new CsvReader(csv, NewCommunesResource, "commune_code,commune_name,commune_name_en,commune_type,province_code", stackalloc Range[6]);
            while (row.MoveNext())
            {
                var province = Find(AdministrativeScheme.New, AdministrativeLevel.Province, row[4], NewCommunesResource, row.Number, "province_code");
                Add(AdministrativeScheme.New, AdministrativeLevel.Commune, row.String(0), row.String(1), row.String(2), NewCommunesResource, row.Number, province, -1);
            }
        }

        public void LoadProvinceMapping(string csv)
        {
            var row = new CsvReader(csv, ProvinceMappingResource, "old_province_code,old_province_name,new_province_code,new_province_name", stackalloc Range[5]);
            while (row.MoveNext())
            {
                var from = Find(AdministrativeScheme.Old, AdministrativeLevel.Province, row[0], ProvinceMappingResource, row.Number, "old_province_code");
                var to = Find(AdministrativeScheme.New, AdministrativeLevel.Province, row[2], ProvinceMappingResource, row.Number, "new_province_code");
                ToNew.Add((from, new AdministrativeUnitShare(new AdministrativeUnit(to), IsPartial: false)));
                ToOld.Add((to, new AdministrativeUnitShare(new AdministrativeUnit(from), IsPartial: false)));
            }
        }

        public void LoadCommuneMapping(string csv)
        {
            const string header = "old_code,old_name,old_level,old_in_units_old,new_commune_code,new_commune_name,new_province_code,part";
            var row = new CsvReader(csv, CommuneMappingResource, header, stackalloc Range[9]);
            while (row.MoveNext())
            {
                var level = row[2] switch
                {
                    "commune" => AdministrativeLevel.Commune,
                    "district" => AdministrativeLevel.District,
                    _ => throw BadData(CommuneMappingResource, row.Number, "old_level", "expected commune or district"),
                };
                var partial = row[7] switch
                {
                    "full" => false,
                    "partial" => true,
                    _ => throw BadData(CommuneMappingResource, row.Number, "part", "expected full or partial"),
                };
                var to = Find(AdministrativeScheme.New, AdministrativeLevel.Commune, row[4], CommuneMappingResource, row.Number, "new_commune_code");
                if (!_index[0].TryGetValue(CodeKey(level, ParseCode(row[0], CommuneMappingResource, row.Number, "old_code")), out var from))
                {
                    // An old unit the old list does not hold (dissolved around 1 March 2025): nothing to map from.
                    UnresolvedMappingRows++;
                    continue;
                }

                ToNew.Add((from, new AdministrativeUnitShare(new AdministrativeUnit(to), partial)));
                ToOld.Add((to, new AdministrativeUnitShare(new AdministrativeUnit(from), partial)));
            }
        }

        /// <summary>Maps what the sources leave implicit: old districts through their communes, new units to themselves.</summary>
        public void CompleteMapping()
        {
            var targets = new Dictionary<int, List<AdministrativeUnitShare>>();
            var mapped = new HashSet<int>();
            foreach (var (from, share) in ToNew)
            {
                mapped.Add(from);
                var district = Districts[from];
                if (district >= 0)
                {
                    if (!targets.TryGetValue(district, out var list))
                    {
                        targets.Add(district, list = []);
                    }

                    list.Add(share);
                }
            }

            for (var i = 0; i < Codes.Count; i++)
            {
                if (Schemes[i] == (byte)AdministrativeScheme.New)
                {
                    ToNew.Add((i, new AdministrativeUnitShare(new AdministrativeUnit(i), IsPartial: false)));
                }
                else if (Levels[i] == (byte)AdministrativeLevel.District && !mapped.Contains(i) && targets.TryGetValue(i, out var shares))
                {
                    // The whole district went into a new commune only if all its communes went wholly into that one.
                    var first = shares[0].Unit;
                    var whole = shares.TrueForAll(s => !s.IsPartial && s.Unit == first);
                    var seen = new HashSet<AdministrativeUnit>();
                    foreach (var share in shares)
                    {
                        if (seen.Add(share.Unit))
                        {
                            ToNew.Add((i, new AdministrativeUnitShare(share.Unit, IsPartial: !whole)));
                        }
                    }
                }
            }

            for (var i = 0; i < Codes.Count; i++)
            {
                if (Schemes[i] == (byte)AdministrativeScheme.Old && !mapped.Contains(i) && !targets.ContainsKey(i))
                {
                    throw new InvalidDataException($"Embedded mapping data map old {(AdministrativeLevel)Levels[i]} {Codes[i]} to no new unit.");
                }
            }
        }

        private int Find(AdministrativeScheme scheme, AdministrativeLevel level, ReadOnlySpan<char> code, string resource, int row, string field) =>
            _index[(int)scheme - 1].TryGetValue(CodeKey(level, ParseCode(code, resource, row, field)), out var index)
                ? index
                : throw BadData(resource, row, field, $"no {level.ToString().ToLowerInvariant()} {code} in the {Describe(scheme)}");

        private int Add(
            AdministrativeScheme scheme, AdministrativeLevel level, string code, string name, string? englishName,
            string resource, int row, int province, int district, bool selfProvince = false)
        {
            var expectedLength = level switch { AdministrativeLevel.Province => 2, AdministrativeLevel.District => 3, _ => 5 };
            if (code.Length != expectedLength)
            {
                throw BadData(resource, row, "code", $"{level} code {code} does not have {expectedLength} digits");
            }

            var index = Codes.Count;
            if (!_index[(int)scheme - 1].TryAdd(CodeKey(level, ParseCode(code, resource, row, "code")), index))
            {
                throw BadData(resource, row, "code", $"{level} code {code} appears twice");
            }

            Codes.Add(code);
            Names.Add(name);
            EnglishNames.Add(string.IsNullOrEmpty(englishName) ? null : englishName);
            Schemes.Add((byte)scheme);
            Levels.Add((byte)level);
            Types.Add((byte)TypeFromName(name, level, resource, row));
            Provinces.Add(selfProvince ? index : province);
            Districts.Add(district);
            return index;
        }

        private static AdministrativeUnitType TypeFromName(string name, AdministrativeLevel level, string resource, int row)
        {
            var type = level switch
            {
                AdministrativeLevel.Province when name.StartsWith("Tỉnh ", StringComparison.Ordinal) => AdministrativeUnitType.Province,
                AdministrativeLevel.Province when name.StartsWith("Thành phố ", StringComparison.Ordinal) => AdministrativeUnitType.Municipality,
                AdministrativeLevel.District when name.StartsWith("Quận ", StringComparison.Ordinal) => AdministrativeUnitType.UrbanDistrict,
                AdministrativeLevel.District when name.StartsWith("Huyện ", StringComparison.Ordinal) => AdministrativeUnitType.RuralDistrict,
                AdministrativeLevel.District when name.StartsWith("Thị xã ", StringComparison.Ordinal) => AdministrativeUnitType.Town,
                AdministrativeLevel.District when name.StartsWith("Thành phố ", StringComparison.Ordinal) => AdministrativeUnitType.DistrictLevelCity,
                AdministrativeLevel.Commune when name.StartsWith("Phường ", StringComparison.Ordinal) => AdministrativeUnitType.Ward,
                AdministrativeLevel.Commune when name.StartsWith("Xã ", StringComparison.Ordinal) => AdministrativeUnitType.Commune,
                AdministrativeLevel.Commune when name.StartsWith("Thị trấn ", StringComparison.Ordinal) => AdministrativeUnitType.Township,
                AdministrativeLevel.Commune when name.StartsWith("Đặc khu ", StringComparison.Ordinal) => AdministrativeUnitType.SpecialZone,
                _ => (AdministrativeUnitType)0,
            };
            return type != 0 ? type : throw BadData(resource, row, "name", $"a {level} name must start with its type word");
        }

        private static int ParseCode(ReadOnlySpan<char> code, string resource, int row, string field) =>
            code.Length is > 0 and <= 5 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw BadData(resource, row, field, $"'{code}' is not a unit code");
    }

    private enum Property
    {
        Other,
        Code,
        FullName,
        Parent,
    }

    /// <summary>
    /// A minimal reader of the embedded CSV files, one line at a time, fields as spans (no quoting: the files have
    /// none, and a quote is rejected).
    /// </summary>
    private ref struct CsvReader
    {
        private readonly string _text;
        private readonly string _resource;
        private readonly Span<Range> _ranges;
        private int _position;
        private ReadOnlySpan<char> _line;

        public CsvReader(string text, string resource, string header, Span<Range> ranges)
        {
            _text = text;
            _resource = resource;
            _ranges = ranges;
            if (!NextLine() || !_line.SequenceEqual(header))
            {
                throw BadData(resource, 1, "header", $"expected '{header}'");
            }
        }

        public int Number { get; private set; }

        public readonly ReadOnlySpan<char> this[int field] => _line[_ranges[field]];

        public readonly string String(int field) => new(this[field]);

        public bool MoveNext()
        {
            while (NextLine())
            {
                if (_line.IsEmpty)
                {
                    continue;
                }

                if (_line.Contains('"'))
                {
                    throw BadData(_resource, Number, "(row)", "quoted fields are not expected");
                }

                // One more range than fields, so that a line with too many fields is seen.
                if (_line.Split(_ranges, ',') != _ranges.Length - 1)
                {
                    throw BadData(_resource, Number, "(row)", $"expected {_ranges.Length - 1} fields");
                }

                return true;
            }

            return false;
        }

        private bool NextLine()
        {
            if (_position >= _text.Length)
            {
                return false;
            }

            var end = _text.IndexOf('\n', _position);
            if (end < 0)
            {
                end = _text.Length;
            }

            _line = _text.AsSpan(_position, end - _position).TrimEnd('\r');
            _position = end + 1;
            Number++;
            return true;
        }
    }
}
