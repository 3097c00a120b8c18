namespace Network.Domain.Tests;

/// <summary>
/// The youth's own say from 16 (condition 7): per category and per parent column, on both sides of
/// the 16th birthday, each choice an event with its date that the very next decision follows.
/// </summary>
public sealed class YouthSayTests
{
    private static readonly AuthorizationTable Table = AuthorizationTable.Default;
    private static readonly DateTimeOffset Earlier = new(2025, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayBefore16 = new(2026, 5, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset On16 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly PersonId Mother = PersonId.New(), Father = PersonId.New(), Sam = PersonId.New(), Sibling = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Sam] = new DateOnly(2010, 6, 1), [Sibling] = new DateOnly(2009, 1, 1) };

    private static readonly Actor MotherActor = new(UserId.New(), "Moeder", ActorRole.Parent, PersonId: Mother);
    private static readonly Actor FatherActor = new(UserId.New(), "Vader", ActorRole.Parent, PersonId: Father);
    private static readonly Actor SamActor = new(UserId.New(), "Sam", ActorRole.Youth, PersonId: Sam);
    private static readonly Actor SiblingActor = new(UserId.New(), "Sibbe", ActorRole.Youth, PersonId: Sibling);

    private static readonly Dictionary<TableColumn, Actor> Parents = new()
    {
        [TableColumn.ParentWithAuthority] = MotherActor,
        [TableColumn.ParentWithoutAuthority] = FatherActor,
    };

    /// <summary>Sam turns 16 on 1 June 2026; the mother has gezag, the father not; a sibling is already 17.</summary>
    private static Family Family(params object[] more)
    {
        var id = new FamilyId(Guid.Parse("0193a000-0000-7000-8000-00000000aaaa"));
        object[] events =
        [
            new FamilyRegistered(id, "Gezin", Earlier),
            new FamilyMemberAdded(id, Mother, Relation.Parent, Earlier),
            new FamilyMemberAdded(id, Father, Relation.Parent, Earlier),
            new FamilyMemberAdded(id, Sam, Relation.Child, Earlier),
            new FamilyMemberAdded(id, Sibling, Relation.Child, Earlier),
            new ParentalAuthorityRecorded(id, Mother, Sam, new DateOnly(2010, 6, 1), Earlier),
            new ParentalAuthorityRecorded(id, Mother, Sibling, new DateOnly(2009, 1, 1), Earlier),
            .. more,
        ];
        return events.Aggregate((Family?)null, Network.Domain.Families.Family.Evolve)!;
    }

    private static FamilyOf Of(Family f) => new(f, Born);

    private static Family After(Family f, IEnumerable<object> events) => events.Aggregate((Family?)f, Network.Domain.Families.Family.Evolve)!;

    private static Family Chosen(Family f, InformationCategory category, bool parentsSee, DateTimeOffset at) =>
        After(f, YouthSay.Choose(Of(f), SamActor, category, parentsSee, Table, at));

    private static ItemFacts About(InformationCategory category, PersonId child) =>
        new(category, [child], UserId.New(), null, Audience.Everyone);

    private static bool Reads(Actor actor, Family f, InformationCategory category, DateTimeOffset at, PersonId? child = null) =>
        ItemPolicy.Decide(actor, ItemAction.Read, About(category, child ?? Sam), f, Born, Table, at).Allowed;

    private static bool HasSay(InformationCategory category, TableColumn column) =>
        Table[category, column] is { Access: > TableAccess.None } cell && cell.Conditions.HasFlag(TableCondition.Under16OrYouthConsent);

    public static TheoryData<InformationCategory, TableColumn> EveryCategoryAndParentColumn()
    {
        var data = new TheoryData<InformationCategory, TableColumn>();
        foreach (var category in Enum.GetValues<InformationCategory>())
        foreach (var column in new[] { TableColumn.ParentWithAuthority, TableColumn.ParentWithoutAuthority })
            data.Add(category, column);
        return data;
    }

    [Fact]
    public void the_default_table_gives_the_youth_a_say_on_medical_and_justice()
    {
        Assert.Equal([InformationCategory.Medical, InformationCategory.Justice], YouthSay.Categories(Table).Order());
    }

    [Theory]
    [MemberData(nameof(EveryCategoryAndParentColumn))]
    public void from_16_a_parent_sees_a_category_with_condition_7_only_while_the_youth_lets_them(InformationCategory category, TableColumn column)
    {
        var parent = Parents[column];
        var family = Family();
        // The day before the 16th birthday the youth has no say: the parent's column decides alone.
        var before16 = Reads(parent, family, category, DayBefore16);

        // From the 16th birthday, without a choice: condition 7 closes what it covers, nothing else changes.
        var say = HasSay(category, column);
        Assert.Equal(before16 && !say, Reads(parent, family, category, On16));
        if (!YouthSay.Categories(Table).Contains(category)) return;

        // The youth lets the parents see it: what the column gives comes back, from the next decision on.
        var shared = Chosen(family, category, true, On16);
        Assert.Equal(before16, Reads(parent, shared, category, On16));
        // And hides it again: closed once more.
        var hidden = Chosen(shared, category, false, Later);
        Assert.Equal(before16 && !say, Reads(parent, hidden, category, Later));
    }

    [Fact]
    public void before_16_the_youth_cannot_choose_and_the_parent_with_gezag_reads_medical_and_justice()
    {
        var family = Family();
        var error = Assert.Throws<DomainRuleViolation>(() => YouthSay.Choose(Of(family), SamActor, InformationCategory.Medical, false, Table, DayBefore16));
        Assert.Equal("youth-say.from-16", error.Code);
        Assert.True(Reads(MotherActor, family, InformationCategory.Medical, DayBefore16));
        Assert.True(Reads(MotherActor, family, InformationCategory.Justice, DayBefore16));
    }

    [Fact]
    public void each_category_is_its_own_choice()
    {
        var family = Chosen(Chosen(Family(), InformationCategory.Medical, true, On16), InformationCategory.Justice, false, On16);

        Assert.True(Reads(MotherActor, family, InformationCategory.Medical, Later));
        Assert.False(Reads(MotherActor, family, InformationCategory.Justice, Later));
        // Plan and general information are not the youth's say under the default table: the parent keeps them.
        Assert.True(Reads(MotherActor, family, InformationCategory.Plan, Later));
        Assert.True(Reads(MotherActor, family, InformationCategory.General, Later));
    }

    [Fact]
    public void a_choice_is_an_event_with_its_date_and_choosing_the_same_again_changes_nothing()
    {
        var family = Family();
        var events = YouthSay.Choose(Of(family), SamActor, InformationCategory.Medical, true, Table, On16);

        var chosen = Assert.IsType<YouthSayChosen>(Assert.Single(events));
        Assert.Equal((Sam, InformationCategory.Medical, true, On16), (chosen.Youth, chosen.Category, chosen.ParentsSee, chosen.At));
        var after = After(family, events);
        Assert.Equal(On16, after.ChoiceOf(Sam, InformationCategory.Medical)!.At);
        Assert.Empty(YouthSay.Choose(Of(after), SamActor, InformationCategory.Medical, true, Table, Later));
    }

    [Fact]
    public void only_the_youth_themself_chooses_and_only_where_they_have_a_say()
    {
        var family = Family();
        Assert.Throws<NotAllowed>(() => YouthSay.Choose(Of(family), MotherActor, InformationCategory.Medical, false, Table, On16));
        var error = Assert.Throws<DomainRuleViolation>(() => YouthSay.Choose(Of(family), SamActor, InformationCategory.Plan, false, Table, On16));
        Assert.Equal("youth-say.not-your-say", error.Code);
    }

    [Fact]
    public void a_youths_choice_opens_nothing_about_a_sibling()
    {
        var family = Chosen(Family(), InformationCategory.Medical, true, On16);

        Assert.True(Reads(MotherActor, family, InformationCategory.Medical, Later, Sam));
        Assert.False(Reads(MotherActor, family, InformationCategory.Medical, Later, Sibling));
        // An item about both: the sibling's say still closes it.
        var both = new ItemFacts(InformationCategory.Medical, [Sam, Sibling], UserId.New(), null, Audience.Everyone);
        Assert.False(ItemPolicy.Decide(MotherActor, ItemAction.Read, both, family, Born, Table, Later).Allowed);
        var siblingShares = After(family, YouthSay.Choose(Of(family), SiblingActor, InformationCategory.Medical, true, Table, Later));
        Assert.True(ItemPolicy.Decide(MotherActor, ItemAction.Read, both, siblingShares, Born, Table, Later).Allowed);
    }

    [Fact]
    public void the_parent_is_told_why_they_read_it_the_youth_lets_them()
    {
        var family = Chosen(Family(), InformationCategory.Medical, true, On16);
        var decision = ItemPolicy.Decide(MotherActor, ItemAction.Read, About(InformationCategory.Medical, Sam), family, Born, Table, Later);

        Assert.Contains(decision.Reasons, r => r.Code == YouthSay.LetsParentsSee);
        var refused = ItemPolicy.Decide(MotherActor, ItemAction.Read, About(InformationCategory.Justice, Sam), family, Born, Table, Later);
        Assert.Contains(refused.Reasons, r => r.Code == Reasons.ConditionPrefix + "under-16-or-youth-consent");
    }

    [Fact]
    public void the_youths_own_reading_and_professionals_are_not_changed_by_the_choice()
    {
        var family = Chosen(Family(), InformationCategory.Medical, false, On16);
        Assert.True(Reads(SamActor, family, InformationCategory.Medical, Later));
        Assert.True(Reads(SamActor, family, InformationCategory.Justice, Later));
    }
}
