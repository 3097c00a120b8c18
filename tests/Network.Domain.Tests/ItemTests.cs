namespace Network.Domain.Tests;

public sealed class ItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Worker = new(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
    private static readonly Actor Outsider = new(UserId.New(), "Peter", ActorRole.FamilyGuardian, OrganisationId.New(), "GI");
    private static readonly PersonId Parent = PersonId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly PersonId Other = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Child] = new DateOnly(2018, 1, 1), [Other] = new DateOnly(2016, 1, 1) };

    /// <summary>A family with two children under 12 and their parent with gezag, who consented to the members for the first child.</summary>
    private static (FamilyOf Family, Board Board) Given(params Actor[] members)
    {
        var id = FamilyId.New();
        var history = new List<object>
        {
            new FamilyRegistered(id, "Gezin Jansen", Now.AddDays(-10)),
            new FamilyMemberAdded(id, Parent, Relation.Parent, Now.AddDays(-10)),
            new FamilyMemberAdded(id, Child, Relation.Child, Now.AddDays(-10)),
            new FamilyMemberAdded(id, Other, Relation.Child, Now.AddDays(-10)),
            new ParentalAuthorityRecorded(id, Parent, Child, new DateOnly(2018, 1, 1), Now.AddDays(-10)),
            new ParentalAuthorityRecorded(id, Parent, Other, new DateOnly(2016, 1, 1), Now.AddDays(-10)),
        };
        foreach (var m in members)
        {
            history.Add(new NetworkMemberAdded(id, new NetworkMember(m.UserId, m.DisplayName, m.Role, m.OrganisationId, m.Organisation,
                MembershipBasis.Consent, Now.AddDays(-5), [Child])));
            history.Add(new ConsentGiven(id, m.UserId, Child, Parent, Now.AddDays(-2)));
        }
        var family = history.Aggregate((Family?)null, Family.Evolve)!;
        return (new FamilyOf(family, Born), Board.Evolve(null, new BoardOpened(BoardId.New(), id, "Gezinsbord", Now.AddDays(-10)))!);
    }

    private static Item Posted(FamilyOf f, Board board, Actor author, string text, ItemChoices? choices = null) =>
        ItemDecisions.Post(board, f, AuthorizationTable.Default, author, ItemId.New(), text, choices ?? ItemChoices.Default, Now)
            .Aggregate((Item?)null, Item.Evolve)!;

    [Fact]
    public void a_member_posts_an_item_with_its_own_identity_and_the_categorys_audience()
    {
        var (f, board) = Given(Coordinator);

        var events = ItemDecisions.Post(board, f, AuthorizationTable.Default, Coordinator, ItemId.New(), "  Huisbezoek gepland.  ", ItemChoices.Default, Now);

        var posted = Assert.IsType<ItemPosted>(Assert.Single(events));
        Assert.Equal("Huisbezoek gepland.", posted.Text);
        Assert.Equal((board.Id, f.Family.Id, Coordinator.UserId, InformationCategory.General), (posted.BoardId, posted.FamilyId, posted.AuthorId, posted.Category));
        Assert.Equal(AudienceKind.Everyone, posted.Audience.Kind);
        Assert.Empty(posted.About);
    }

    [Fact]
    public void someone_outside_the_network_is_told_the_item_does_not_exist()
    {
        var (f, board) = Given(Coordinator);

        Assert.Throws<ResourceNotFound>(() => ItemDecisions.Post(board, f, AuthorizationTable.Default, Outsider, ItemId.New(), "x", ItemChoices.Default, Now));
    }

    [Fact]
    public void an_item_about_a_child_one_has_no_standing_on_is_refused()
    {
        var (f, board) = Given(Worker);

        Assert.Throws<NotAllowed>(() => ItemDecisions.Post(board, f, AuthorizationTable.Default, Worker, ItemId.New(), "x",
            new ItemChoices(InformationCategory.General, [Child, Other], null), Now));
    }

    [Fact]
    public void the_author_corrects_the_text_and_the_history_keeps_both()
    {
        var (f, board) = Given(Coordinator);
        var item = Posted(f, board, Coordinator, "Afspraak dinsdag");

        var corrected = ItemDecisions.Correct(item, f, AuthorizationTable.Default, Coordinator, "Afspraak woensdag", "Verkeerde dag", Now);

        var e = Assert.IsType<ItemCorrected>(Assert.Single(corrected));
        Assert.Equal(("Afspraak woensdag", "Verkeerde dag"), (e.Text, e.Reason));
        Assert.Equal("Afspraak woensdag", Item.Evolve(item, e)!.Text);
        Assert.Empty(ItemDecisions.Correct(item, f, AuthorizationTable.Default, Coordinator, "Afspraak dinsdag", null, Now));
    }

    [Fact]
    public void only_the_author_corrects_and_an_item_entered_in_error_needs_a_reason_and_stays_marked()
    {
        var (f, board) = Given(Coordinator, Worker);
        var item = Posted(f, board, Coordinator, "Gesprek met school");

        Assert.Throws<NotAllowed>(() => ItemDecisions.Correct(item, f, AuthorizationTable.Default, Worker, "Anders", null, Now));
        Assert.Throws<DomainRuleViolation>(() => ItemDecisions.MarkEnteredInError(item, f, AuthorizationTable.Default, Coordinator, " ", Now));
        var marked = Item.Evolve(item, ItemDecisions.MarkEnteredInError(item, f, AuthorizationTable.Default, Coordinator, "Verkeerd gezin", Now)[0])!;

        Assert.True(marked.EnteredInError);
        Assert.Equal("item.entered-in-error", Assert.Throws<DomainRuleViolation>(() =>
            ItemDecisions.Correct(marked, f, AuthorizationTable.Default, Coordinator, "Toch", null, Now)).Code);
    }

    [Fact]
    public void an_item_is_shown_on_another_board_of_its_family_without_copying()
    {
        var (f, board) = Given(Coordinator);
        var item = Posted(f, board, Coordinator, "Schoolverslag");
        var school = Board.Evolve(null, new BoardOpened(BoardId.New(), f.Family.Id, "School", Now))!;
        var elsewhere = Board.Evolve(null, new BoardOpened(BoardId.New(), FamilyId.New(), "Ander gezin", Now))!;

        var shown = Item.Evolve(item, ItemDecisions.ShowOn(item, school, f, AuthorizationTable.Default, Coordinator, Now)[0])!;

        Assert.Equal([board.Id, school.Id], shown.Boards);
        Assert.Empty(ItemDecisions.ShowOn(shown, school, f, AuthorizationTable.Default, Coordinator, Now));
        Assert.Throws<ResourceNotFound>(() => ItemDecisions.ShowOn(item, elsewhere, f, AuthorizationTable.Default, Coordinator, Now));
    }

    [Fact]
    public void a_decision_names_exactly_the_persons_the_item_is_about_for_the_access_log()
    {
        var (f, _) = Given(Coordinator);
        var facts = new ItemFacts(InformationCategory.General, [Child], Coordinator.UserId, Coordinator.OrganisationId, Audience.Everyone);

        var allowed = ItemPolicy.Decide(Coordinator, ItemAction.Create, facts, f.Family, Born, AuthorizationTable.Default, Now);
        var refused = ItemPolicy.Decide(Coordinator, ItemAction.Create, facts with { About = [Child, Other] }, f.Family, Born, AuthorizationTable.Default, Now);
        var familyWide = ItemPolicy.Decide(Coordinator, ItemAction.Create, facts with { About = [] }, f.Family, Born, AuthorizationTable.Default, Now);

        Assert.Equal([new SubjectOutcome(Child, AccessBasis.Consent, true)], allowed.Subjects);
        Assert.All(refused.Subjects, s => Assert.False(s.Allowed));
        Assert.Equal([Child, Other], refused.Subjects.Select(s => s.Person!.Value));
        Assert.Equal([new SubjectOutcome(null, AccessBasis.Consent, true)], familyWide.Subjects);
    }

    [Fact]
    public void item_text_is_required_and_limited()
    {
        var (f, board) = Given(Coordinator);

        Assert.Equal("item.text-required", Assert.Throws<DomainRuleViolation>(() =>
            ItemDecisions.Post(board, f, AuthorizationTable.Default, Coordinator, ItemId.New(), "   ", ItemChoices.Default, Now)).Code);
        Assert.Equal("item.text-too-long", Assert.Throws<DomainRuleViolation>(() =>
            ItemDecisions.Post(board, f, AuthorizationTable.Default, Coordinator, ItemId.New(), new string('x', Item.MaxTextLength + 1), ItemChoices.Default, Now)).Code);
    }
}
