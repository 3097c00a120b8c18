using Network.Domain.Boards;
using Network.Domain.Items;

namespace Network.Domain.Tests;

/// <summary>A family with a parent with gezag of Noor (10), whose coordinator has her consent, and someone outside it.</summary>
internal sealed record World(FamilyOf Family, Board Board, Actor Coordinator, Actor Mother, Actor Outsider, PersonId Noor)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static World Jansen() => Make();

    private static World Make()
    {
        var id = FamilyId.New();
        var mother = PersonId.New();
        var noor = PersonId.New();
        var coordinator = new Actor(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
        var history = new List<object>
        {
            new FamilyRegistered(id, "Gezin Jansen", At.AddDays(-10)),
            new FamilyMemberAdded(id, mother, Relation.Parent, At.AddDays(-10)),
            new FamilyMemberAdded(id, noor, Relation.Child, At.AddDays(-10)),
            new ParentalAuthorityRecorded(id, mother, noor, new DateOnly(2016, 1, 1), At.AddDays(-10)),
            new NetworkMemberAdded(id, new NetworkMember(coordinator.UserId, coordinator.DisplayName, coordinator.Role, coordinator.OrganisationId,
                coordinator.Organisation, MembershipBasis.Consent, At.AddDays(-5), [noor])),
            new ConsentGiven(id, coordinator.UserId, noor, mother, At.AddDays(-2)),
        };
        var family = history.Aggregate((Network.Domain.Families.Family?)null, Network.Domain.Families.Family.Evolve)!;
        var born = new Dictionary<PersonId, DateOnly> { [noor] = new DateOnly(2016, 1, 1), [mother] = new DateOnly(1988, 1, 1) };
        return new World(new FamilyOf(family, born), Board.Evolve(null, new BoardOpened(BoardId.New(), id, "Gezinsbord", At.AddDays(-10)))!,
            coordinator, new Actor(UserId.New(), "Sanne", ActorRole.Parent, PersonId: mother),
            new Actor(UserId.New(), "Peter", ActorRole.FamilyGuardian, OrganisationId.New(), "GI"), noor);
    }

    public Item Post(Actor author, string text, ItemChoices choices) =>
        ItemDecisions.Post(Board, Family, AuthorizationTable.Default, author, ItemId.New(), text, choices, At).Aggregate((Item?)null, Item.Evolve)!;
}

/// <summary>Documents, appointments, replies and themed boards: the rules of the domain.</summary>
public sealed class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_reply_needs_read_access_to_the_item_and_write_access_to_general_items()
    {
        var w = World.Jansen();
        var note = w.Post(w.Coordinator, "Voor het gezin", new ItemChoices(InformationCategory.General, [w.Noor], Audience.Everyone));
        var professionalsOnly = w.Post(w.Coordinator, "Alleen professionals", new ItemChoices(InformationCategory.General, [w.Noor], new Audience(AudienceKind.Professionals, [])));

        var reply = Assert.IsType<ReplyPosted>(Assert.Single(Conversations.Reply(note, w.Family, AuthorizationTable.Default, w.Mother, Guid.NewGuid(), " Dank je ", Now)));
        Assert.Equal("Dank je", reply.Text);
        Assert.Throws<ResourceNotFound>(() => Conversations.Reply(professionalsOnly, w.Family, AuthorizationTable.Default, w.Mother, Guid.NewGuid(), "Mag ik?", Now));
        Assert.Throws<ResourceNotFound>(() => Conversations.Reply(note, w.Family, AuthorizationTable.Default, w.Outsider, Guid.NewGuid(), "Hallo", Now));
        Assert.Throws<DomainRuleViolation>(() => Conversations.Reply(note, w.Family, AuthorizationTable.Default, w.Mother, Guid.NewGuid(), "  ", Now));
    }

    [Fact]
    public void an_appointment_takes_only_people_of_the_family_and_its_network_and_a_secure_video_link()
    {
        var w = World.Jansen();
        var fields = new AppointmentFields(Now.AddDays(2), 60, "School", "https://video.example/abc", [w.Mother.PersonId!.Value], [w.Coordinator.UserId]);
        var events = ItemDecisions.Post(w.Board, w.Family, AuthorizationTable.Default, w.Coordinator, ItemId.New(), "Gesprek", ItemChoices.Default, Now, appointment: fields);
        var appointment = events.Aggregate((Item?)null, Item.Evolve)!;
        Assert.Equal(ItemKind.Appointment, appointment.Kind);

        Assert.Throws<DomainRuleViolation>(() => Appointments.Validate(fields with { Persons = [new PersonId(Guid.NewGuid())] }, w.Family.Family));
        Assert.Throws<DomainRuleViolation>(() => Appointments.Validate(fields with { Users = [w.Outsider.UserId] }, w.Family.Family));
        Assert.Throws<DomainRuleViolation>(() => Appointments.Validate(fields with { VideoLink = "http://video.example" }, w.Family.Family));
        Assert.Throws<DomainRuleViolation>(() => Appointments.Validate(fields with { DurationMinutes = 2 }, w.Family.Family));

        // A change keeps the item (and so the UID), one step further; cancelling is one more; the mother may not change it.
        var moved = Appointments.Change(appointment, w.Family, AuthorizationTable.Default, w.Coordinator, "Gesprek", fields with { Start = Now.AddDays(3) }, Now);
        appointment = moved.Aggregate((Item?)appointment, Item.Evolve)!;
        Assert.Equal(1, appointment.Sequence);
        Assert.Empty(Appointments.Change(appointment, w.Family, AuthorizationTable.Default, w.Coordinator, "Gesprek", appointment.Appointment!, Now));
        Assert.Throws<NotAllowed>(() => Appointments.Change(appointment, w.Family, AuthorizationTable.Default, w.Mother, "Ander", fields, Now));
        appointment = Appointments.Cancel(appointment, w.Family, AuthorizationTable.Default, w.Coordinator, "Ziek", Now).Aggregate((Item?)appointment, Item.Evolve)!;
        Assert.True(appointment.Cancelled);
        Assert.Equal(2, appointment.Sequence);
        Assert.Throws<DomainRuleViolation>(() => Appointments.Change(appointment, w.Family, AuthorizationTable.Default, w.Coordinator, "Toch", fields, Now));
    }

    [Fact]
    public void a_closed_themed_board_takes_no_new_items_and_the_main_board_is_never_closed()
    {
        var w = World.Jansen();
        var themed = Board.OpenThemed(BoardId.New(), w.Family, w.Coordinator, "School", AuthorizationTable.Default, Now).Aggregate((Board?)null, Board.Evolve)!;
        Assert.True(themed.Themed);
        Assert.Throws<NotAllowed>(() => Board.Close(themed, w.Family, w.Mother, null, AuthorizationTable.Default, Now));
        var closed = Board.Close(themed, w.Family, w.Coordinator, "Klaar", AuthorizationTable.Default, Now).Aggregate((Board?)themed, Board.Evolve)!;
        Assert.True(closed.Closed);
        Assert.Empty(Board.Close(closed, w.Family, w.Coordinator, null, AuthorizationTable.Default, Now));
        var violation = Assert.Throws<DomainRuleViolation>(() =>
            ItemDecisions.Post(closed, w.Family, AuthorizationTable.Default, w.Coordinator, ItemId.New(), "Nog iets", ItemChoices.Default, Now));
        Assert.Equal("board.closed", violation.Code);
        Assert.Equal("board.main-stays-open",
            Assert.Throws<DomainRuleViolation>(() => Board.Close(w.Board, w.Family, w.Coordinator, null, AuthorizationTable.Default, Now)).Code);
    }

    [Fact]
    public void a_new_version_of_a_document_is_added_by_its_author_only()
    {
        var w = World.Jansen();
        var file = new DocumentFile(Guid.NewGuid(), "verslag.pdf", "application/pdf", 10, "ab");
        var document = ItemDecisions.Post(w.Board, w.Family, AuthorizationTable.Default, w.Coordinator, ItemId.New(), "", ItemChoices.Default, Now, document: file)
            .Aggregate((Item?)null, Item.Evolve)!;
        Assert.Equal("verslag.pdf", document.Text);
        Assert.Equal(1, document.DocumentVersion);
        var second = file with { FileId = Guid.NewGuid(), FileName = "verslag v2.pdf" };
        document = Conversations.AddVersion(document, w.Family, AuthorizationTable.Default, w.Coordinator, second, Now).Aggregate((Item?)document, Item.Evolve)!;
        Assert.Equal(2, document.DocumentVersion);
        Assert.Equal("verslag v2.pdf", document.Document!.FileName);
        Assert.Throws<NotAllowed>(() => Conversations.AddVersion(document, w.Family, AuthorizationTable.Default, w.Mother, second, Now));
    }
}
