using System.Globalization;
using Immunization.Matching.Comparators.Vietnamese;
using Immunization.Matching.Verification;

namespace Immunization.Matching.Tests.Linking;

public sealed partial class RegisterIndexTests
{
    [Fact]
    public void Candidates_RecordInSeveralBlocksOfHundredsOfPeople_EachPersonOnce()
    {
        // 700 people sharing name, birth year, sex and commune, half of them one phone: the record's blocks (phone, name +
        // year, syllables + year, given name + commune, given name + year + sex) hold 350-700 people each, far more than
        // a lookup's first de-duplication set holds, so the set grows several times within one lookup.
        var people = new List<IdentityRecord>();
        for (var i = 0; i < 700; i++)
        {
            var date = new DateOnly(1990, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            people.Add(Record("P" + i.ToString("D4", CultureInfo.InvariantCulture), null, "Nguyễn Văn An", date, "M",
                i % 2 == 0 ? "0912345678" : null, "00004"));
        }

        var index = RegisterIndex.Build(people);
        var record = Record("R1", null, "Nguyễn Văn An", "1990", "M", "0912345678", "00004");

        var candidates = index.Candidates(record);
        var again = index.Candidates(record);

        Assert.Equal(700, candidates.Length);
        Assert.Equal(Enumerable.Range(0, 700), candidates.Order());
        // A later lookup on the same thread starts from an empty set and finds the same people in the same order.
        Assert.Equal(candidates, again);
        // Another record on the same thread: only the phone's block, its 350 people once each.
        var byPhone = index.Candidates(Record("R2", null, "Trần Thị Bích", "1990-01-01", "F", "0912345678", "00004"));
        Assert.Equal(Enumerable.Range(0, 350).Select(i => 2 * i), byPhone.Order());
    }
}
