using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

public sealed class RegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly UserId Clerk = UserId.New();

    private static PersonDetails Details(string given = "Daan", string? prefix = null, string family = "Jansen",
        DateOnly? born = null, string? bsn = null, string postcode = "3581 KL") =>
        new(new PersonName(given, prefix, family), born ?? new DateOnly(2018, 5, 14), bsn,
            new Address("Burgemeester Reigerstraat", "12", postcode, "Utrecht", "Utrecht"), null, null, null, null);

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("12345678", false)]
    [InlineData("11122233", false)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678a", false)]
    [InlineData("", false)]
    public void the_bsn_must_pass_the_eleven_test(string bsn, bool valid) => Assert.Equal(valid, Bsn.IsValid(bsn));

    [Fact]
    public void registering_with_an_invalid_bsn_is_refused()
    {
        var error = Assert.Throws<DomainRuleViolation>(() => Person.Register(PersonId.New(), Details(bsn: "123456789"), Clerk, Now));
        Assert.Equal("person.bsn-invalid", error.Code);
    }

    [Fact]
    public void registering_normalises_postcode_and_names()
    {
        var registered = (PersonRegistered)Person.Register(PersonId.New(), Details(given: " Daan ", postcode: "3581kl"), Clerk, Now)[0];

        Assert.Equal("3581 KL", registered.Details.Address!.Postcode);
        Assert.Equal("Daan", registered.Details.Name.GivenNames);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("0123 AB")]
    [InlineData("ABCD 12")]
    public void a_postcode_that_is_not_dutch_is_refused(string postcode) =>
        Assert.Equal("person.postcode-invalid",
            Assert.Throws<DomainRuleViolation>(() => Person.Register(PersonId.New(), Details(postcode: postcode), Clerk, Now)).Code);

    [Fact]
    public void a_date_of_birth_in_the_future_is_refused() =>
        Assert.Throws<DomainRuleViolation>(() => Person.Register(PersonId.New(), Details(born: new DateOnly(2027, 1, 1)), Clerk, Now));

    [Fact]
    public void a_correction_replaces_the_details_and_needs_a_reason()
    {
        var person = Person.Evolve(null, Person.Register(PersonId.New(), Details(), Clerk, Now)[0])!;

        Assert.Throws<DomainRuleViolation>(() => Person.Correct(person, Details(family: "Janssen"), " ", Clerk, Now));
        var corrected = Assert.IsType<PersonDetailsCorrected>(Assert.Single(Person.Correct(person, Details(family: "Janssen"), "Typfout", Clerk, Now)));
        Assert.Equal("Janssen", Person.Evolve(person, corrected)!.Details.Name.FamilyName);
        Assert.Empty(Person.Correct(person, Details(), "Niets veranderd", Clerk, Now));
    }

    [Theory]
    [InlineData("Daan", null, "Jansen", "Daan", null, "Janssen")]          // one typo
    [InlineData("Daan", "van der", "Berg", "Daan", null, "Van der Berg")] // tussenvoegsel typed into the family name
    [InlineData("Emre", null, "Yılmaz", "Emre", null, "Yilmaz")]          // accents
    [InlineData("Noor", "de", "Vries", "Noor", null, "devries")]           // spacing and case
    [InlineData("Sanne", null, "Jansen", "Snane", null, "Jansen")]         // swapped letters
    [InlineData("Daan", null, "Jansen", "D.", null, "Jansen")]             // initial only
    public void similar_names_with_the_same_birth_date_are_likely_duplicates(
        string givenA, string? prefixA, string familyA, string givenB, string? prefixB, string familyB)
    {
        var reason = DuplicateCheck.Compare(Details(givenA, prefixA, familyA), Details(givenB, prefixB, familyB));

        Assert.Equal(DuplicateReason.SimilarNameSameDateOfBirth, reason);
    }

    [Theory]
    [InlineData("Daan", "Jansen", "Noor", "Jansen")]
    [InlineData("Daan", "Jansen", "Daan", "Bakker")]
    public void different_names_are_not_duplicates(string givenA, string familyA, string givenB, string familyB) =>
        Assert.Null(DuplicateCheck.Compare(Details(givenA, null, familyA), Details(givenB, null, familyB)));

    [Fact]
    public void the_same_name_with_another_birth_date_is_not_a_duplicate() =>
        Assert.Null(DuplicateCheck.Compare(Details(), Details(born: new DateOnly(2018, 5, 15))));

    [Fact]
    public void the_same_bsn_is_a_duplicate_whatever_the_name() =>
        Assert.Equal(DuplicateReason.SameBsn,
            DuplicateCheck.Compare(Details(bsn: "111222333"), Details("Totaal", null, "Anders", new DateOnly(1990, 1, 1), bsn: "111222333")));

    [Fact]
    public void merging_keeps_both_histories_and_points_the_duplicate_to_the_survivor()
    {
        var survivor = Person.Evolve(null, Person.Register(PersonId.New(), Details(), Clerk, Now)[0])!;
        var duplicate = Person.Evolve(null, Person.Register(PersonId.New(), Details(family: "Janssen"), Clerk, Now)[0])!;

        var (onSurvivor, onDuplicate) = Person.Merge(survivor, duplicate, Clerk, Now);

        var merged = onDuplicate.Aggregate(duplicate, (p, e) => Person.Evolve(p, e)!);
        var kept = onSurvivor.Aggregate(survivor, (p, e) => Person.Evolve(p, e)!);
        Assert.Equal(survivor.Id, merged.MergedInto);
        Assert.Equal("Janssen", merged.Details.Name.FamilyName);
        Assert.Equal([duplicate.Id], kept.Absorbed);
        Assert.Throws<DomainRuleViolation>(() => Person.Merge(kept, merged, Clerk, Now));
        Assert.Throws<DomainRuleViolation>(() => Person.Correct(merged, Details(), "na samenvoegen", Clerk, Now));
    }

    [Fact]
    public void two_records_with_different_bsns_cannot_be_merged()
    {
        var a = Person.Evolve(null, Person.Register(PersonId.New(), Details(bsn: "111222333"), Clerk, Now)[0])!;
        var b = Person.Evolve(null, Person.Register(PersonId.New(), Details(bsn: "123456782"), Clerk, Now)[0])!;

        Assert.Equal("person.merge-bsn-differs", Assert.Throws<DomainRuleViolation>(() => Person.Merge(a, b, Clerk, Now)).Code);
    }

    [Theory]
    [InlineData("2014-11-23", "2026-11-22", 11)]
    [InlineData("2014-11-23", "2026-11-23", 12)]
    [InlineData("2010-11-23", "2026-11-22", 15)]
    [InlineData("2010-11-23", "2026-11-23", 16)]
    public void age_counts_the_birthday_itself(string born, string day, int expected) =>
        Assert.Equal(expected, Person.AgeOn(DateOnly.Parse(born), DateOnly.Parse(day)));

    [Fact]
    public void someone_born_on_29_february_turns_a_year_older_on_1_march()
    {
        var born = new DateOnly(2012, 2, 29);
        Assert.Equal(11, Person.AgeOn(born, new DateOnly(2024, 2, 28)));
        Assert.Equal(12, Person.AgeOn(born, new DateOnly(2024, 2, 29)));
        Assert.Equal(12, Person.AgeOn(born, new DateOnly(2023 + 1, 3, 1)));
        Assert.Equal(13, Person.AgeOn(born, new DateOnly(2025, 3, 1)));
        Assert.Equal(12, Person.AgeOn(born, new DateOnly(2025, 2, 28)));
    }
}
