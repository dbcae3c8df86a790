using Immunization.Core.Records.Files;

namespace Immunization.Cli.Matching;

/// <summary>
/// The weights of <c>explanations.csv</c> as text (<c>0.##</c>, invariant culture), each distinct value formatted once: a link's
/// field weights come from a few levels' weights and the register's name weights, so most repeat, and formatting a double
/// with a custom format costs far more than finding its text again.
/// </summary>
/// <remarks>The text is <see cref="StandardCsvWriter.Number"/>'s, made by it. Not thread-safe: one per writer.</remarks>
internal sealed class WeightTexts
{
    // Distinct values kept before starting afresh (a bound on memory; a name's weight is one value per distinct name).
    private const int MaxEntries = 1 << 16;
    private readonly Dictionary<long, string> _texts = [];

    /// <summary>Gets the text of <paramref name="weight"/> as <c>StandardCsvWriter.Number(weight, "0.##")</c> writes it.</summary>
    public string Of(double weight)
    {
        var bits = BitConverter.DoubleToInt64Bits(weight);
        if (!_texts.TryGetValue(bits, out var text))
        {
            if (_texts.Count == MaxEntries)
            {
                _texts.Clear();
            }

            text = StandardCsvWriter.Number(weight, "0.##");
            _texts.Add(bits, text);
        }

        return text;
    }
}
