using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

public sealed class PostNoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Coordinator = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Outsider = new(UserId.New(), "Peter", ActorRole.FamilyGuardian, OrganisationId.New(), "GI");
    private static readonly PersonId Parent = PersonId.New();
    private static readonly PersonId Child = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> BirthDates = new() { [Child] = new DateOnly(2018, 1, 1) };

    /// <summary>A family with one child under 12 and its parent with gezag, who consented to the members given.</summary>
    private static (Family Family, Board Board) Given(params NetworkMember[] members)
    {
        var familyId = FamilyId.New();
        var history = new List<object>
        {
            new FamilyRegistered(familyId, "Gezin Jansen", Now.AddDays(-10)),
            new FamilyMemberAdded(familyId, Parent, Relation.Parent, Now.AddDays(-10)),
            new FamilyMemberAdded(familyId, Child, Relation.Child, Now.AddDays(-10)),
            new ParentalAuthorityRecorded(familyId, Parent, Child, new DateOnly(2018, 1, 1), Now.AddDays(-10)),
        };
        foreach (var m in members)
        {
            history.Add(new NetworkMemberAdded(familyId, m));
            history.Add(new ConsentGiven(familyId, m.UserId, Child, Parent, Now.AddDays(-2)));
        }
        var family = history.Aggregate((Family?)null, Family.Evolve)!;
        var board = Board.Evolve(null, new BoardOpened(BoardId.New(), familyId, "Gezinsbord", Now.AddDays(-10)))!;
        return (family, board);
    }

    private static NetworkMember MemberFor(Actor actor, DateTimeOffset since) =>
        new(actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId, actor.Organisation, MembershipBasis.Consent, since, [Child]);

    [Fact]
    public void a_network_member_posts_a_note()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));
        var item = ItemId.New();

        var events = Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, item, "  Huisbezoek gepland.  ", Board.NoteChoices.Default, Now);

        var posted = Assert.IsType<NotePosted>(Assert.Single(events));
        Assert.Equal("Huisbezoek gepland.", posted.Text);
        Assert.Equal((board.Id, item, Coordinator.UserId, InformationCategory.General), (posted.BoardId, posted.ItemId, posted.AuthorId, posted.Category));
        Assert.Equal(AudienceKind.Everyone, posted.Audience!.Kind);
        Assert.Empty(posted.About);
    }

    [Fact]
    public void someone_outside_the_network_is_told_the_board_does_not_exist()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));

        Assert.Throws<ResourceNotFound>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Outsider, ItemId.New(), "Hallo", Board.NoteChoices.Default, Now));
    }

    [Fact]
    public void a_member_whose_membership_starts_later_has_no_standing_yet()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(1)));

        Assert.Throws<ResourceNotFound>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), "Hallo", Board.NoteChoices.Default, Now));
    }

    [Fact]
    public void a_note_in_a_category_the_table_closes_to_the_author_is_refused()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));
        var justice = new Board.NoteChoices(InformationCategory.Justice, [Child], null);

        Assert.Throws<NotAllowed>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), "Tekst", justice, Now));
    }

    [Fact]
    public void a_note_without_a_chosen_audience_gets_the_default_of_its_category()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));
        var observation = new Board.NoteChoices(InformationCategory.Observation, [Child], null);

        var posted = (NotePosted)Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), "Tekst", observation, Now)[0];

        Assert.Equal(AudienceKind.Professionals, posted.Audience!.Kind);
        Assert.Equal([Child], posted.About);
    }

    [Fact]
    public void a_withdrawn_consent_ends_standing_at_once()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-5)));
        family = Family.Evolve(family, new ConsentWithdrawn(family.Id, Coordinator.UserId, Child, Parent, Now.AddMinutes(-1)))!;

        Assert.Throws<ResourceNotFound>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), "Hallo", Board.NoteChoices.Default, Now));
    }

    [Fact]
    public void a_removed_member_loses_standing_at_once()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-5)));
        family = Family.Evolve(family, new NetworkMemberRemoved(family.Id, Coordinator.UserId, Now.AddMinutes(-1)))!;

        Assert.Throws<ResourceNotFound>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), "Hallo", Board.NoteChoices.Default, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_note_needs_text(string text)
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));

        var error = Assert.Throws<DomainRuleViolation>(() => Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), text, Board.NoteChoices.Default, Now));
        Assert.Equal("note.text-required", error.Code);
    }

    [Fact]
    public void a_note_has_at_most_the_maximum_length()
    {
        var (family, board) = Given(MemberFor(Coordinator, Now.AddDays(-1)));

        Assert.Single(Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), new string('a', Board.MaxNoteLength), Board.NoteChoices.Default, Now));
        var error = Assert.Throws<DomainRuleViolation>(() =>
            Board.PostNote(board, family, BirthDates, AuthorizationTable.Default, Coordinator, ItemId.New(), new string('a', Board.MaxNoteLength + 1), Board.NoteChoices.Default, Now));
        Assert.Equal("note.text-too-long", error.Code);
    }
}
