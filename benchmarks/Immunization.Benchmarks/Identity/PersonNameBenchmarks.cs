using BenchmarkDotNet.Attributes;
using Immunization.Core.Identity;

namespace Immunization.Benchmarks.Identity;

/// <summary>
/// Building name matching keys for a batch of realistic names (composed, decomposed, unaccented, upper case, old tone
/// placement) into a caller's buffer, and full parsing. Target: at least 5 million keys a second on one core, no allocation.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> normalises each distinct syllable once (a register's names come from a few thousand syllables, so
/// after the first names every syllable is known); <see cref="DisplayFormWholeText"/> is the normalisation it replaced
/// (decomposition, tone placement and composition of the whole text, every time), for the before/after comparison.
/// </remarks>
[MemoryDiagnoser]
public class PersonNameBenchmarks
{
    private const int Count = 1000;
    private readonly char[] _buffer = new char[256];
    private string[] _names = [];

    [GlobalSetup]
    public void Setup()
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
        string[] middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thị Minh", "Văn Quốc", "Thị Thu"];
        string[] given = ["Anh", "Hòa", "Thuỷ", "Khỏe", "Hùng", "Dũng", "Lan", "Hương", "Hường", "Tuấn", "Quý", "Nguyệt", "Trường", "Huyền"];
        var random = new Random(20211024);
        _names = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var name = $"{family[random.Next(family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}";
            _names[i] = (i % 5) switch
            {
                0 => name.Normalize(System.Text.NormalizationForm.FormD),
                1 => name.ToUpperInvariant(),
                2 => "  " + name.Replace(" ", "  ", StringComparison.Ordinal),
                _ => name,
            };
        }
    }

    /// <summary>Builds the matching key of each of 1000 names into one reused buffer; returns the total length.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int WriteMatchingKey()
    {
        var total = 0;
        var buffer = _buffer.AsSpan();
        foreach (var name in _names)
        {
            total += PersonName.WriteMatchingKey(name, buffer);
        }

        return total;
    }

    /// <summary>Parses each of 1000 names (display form, toned key, matching key, parts); returns the total key length.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Parse()
    {
        var total = 0;
        foreach (var name in _names)
        {
            total += PersonName.Parse(name).MatchingKey.Length;
        }

        return total;
    }

    /// <summary>
    /// The display form of each of 1000 names computed over the whole text, as every parse did before syllables were
    /// normalised once each (without the validation, lower-case and matching-key steps both do); returns the total length.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int DisplayFormWholeText()
    {
        var total = 0;
        foreach (var name in _names)
        {
            total += PersonName.DisplayFormWholeText(name.AsSpan().Trim()).Length;
        }

        return total;
    }
}
