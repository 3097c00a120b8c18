using System.Collections.Immutable;
using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Tests;

/// <summary>
/// Every cell of the default table (each column × each category × read and write), each numbered
/// condition on both sides of its boundary, and the hard rules.
/// </summary>
public sealed class ItemPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly AuthorizationTable Table = AuthorizationTable.Default;

    private static readonly Organisation Gi = new(OrganisationId.New(), "GI", OrganisationType.CertifiedInstitution);
    private static readonly Organisation Raad = new(OrganisationId.New(), "Raad", OrganisationType.ChildProtectionBoard);
    private static readonly PersonId Mother = PersonId.New(), Father = PersonId.New(), Foster = PersonId.New();
    private static readonly PersonId Sam = PersonId.New(); // 14: youth with own standing
    private static readonly PersonId Sibling = PersonId.New(); // 9
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Sam] = new DateOnly(2012, 6, 1), [Sibling] = new DateOnly(2017, 6, 1) };

    private static Actor Pro(ActorRole role, OrganisationId? org = null) => new(UserId.New(), role.ToString(), role, org ?? OrganisationId.New(), "Org");

    private static readonly Dictionary<TableColumn, Actor> Actors = new()
    {
        [TableColumn.ParentWithAuthority] = new(UserId.New(), "Moeder", ActorRole.Parent, PersonId: Mother),
        [TableColumn.ParentWithoutAuthority] = new(UserId.New(), "Vader", ActorRole.Parent, PersonId: Father),
        [TableColumn.Youth] = new(UserId.New(), "Sam", ActorRole.Youth, PersonId: Sam),
        [TableColumn.NetworkMember] = new(UserId.New(), "Pleegouder", ActorRole.NetworkMember, PersonId: Foster),
        [TableColumn.NeighbourhoodTeam] = Pro(ActorRole.NeighbourhoodTeam),
        [TableColumn.YouthCare] = Pro(ActorRole.YouthCare),
        [TableColumn.YouthHealth] = Pro(ActorRole.YouthHealth),
        [TableColumn.FamilyGuardian] = Pro(ActorRole.FamilyGuardian, Gi.Id),
        [TableColumn.ProbationOfficer] = Pro(ActorRole.ProbationOfficer, Gi.Id),
        [TableColumn.ChildProtectionBoard] = Pro(ActorRole.ChildProtectionBoard, Raad.Id),
        [TableColumn.ContractManager] = Pro(ActorRole.ContractManager),
        [TableColumn.FunctionalAdministrator] = Pro(ActorRole.FunctionalAdministrator),
    };

    /// <summary>
    /// Sam (14) lives with the mother (gezag) and the father (no gezag), has a foster parent in the
    /// network, voluntary help (consent for WT, YC, HC), an OTS and jeugdreclassering by the GI and
    /// a Child Protection Board investigation.
    /// </summary>
    private static readonly Family Family = BuildFamily();

    private static Family BuildFamily()
    {
        var id = FamilyId.New();
        var events = new List<object>
        {
            new FamilyRegistered(id, "Gezin", Earlier),
            new FamilyMemberAdded(id, Mother, Relation.Parent, Earlier),
            new FamilyMemberAdded(id, Father, Relation.Parent, Earlier),
            new FamilyMemberAdded(id, Foster, Relation.FosterParent, Earlier),
            new FamilyMemberAdded(id, Sam, Relation.Child, Earlier),
            new FamilyMemberAdded(id, Sibling, Relation.Child, Earlier),
            new ParentalAuthorityRecorded(id, Mother, Sam, new DateOnly(2012, 6, 1), Earlier),
            new ParentalAuthorityRecorded(id, Mother, Sibling, new DateOnly(2017, 6, 1), Earlier),
            new MeasureRecorded(id, new Measure(MeasureId.New(), Sam, MeasureType.Ots, Gi.Id, Gi.Name, new DateOnly(2026, 1, 1), null), Earlier),
            new MeasureRecorded(id, new Measure(MeasureId.New(), Sam, MeasureType.Jeugdreclassering, Gi.Id, Gi.Name, new DateOnly(2026, 1, 1), null), Earlier),
            new MeasureRecorded(id, new Measure(MeasureId.New(), Sam, MeasureType.RaadOnderzoek, Raad.Id, Raad.Name, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)), Earlier),
        };
        foreach (var (column, actor) in Actors.Where(a => a.Value.IsProfessional))
        {
            var basis = column is TableColumn.FamilyGuardian or TableColumn.ProbationOfficer or TableColumn.ChildProtectionBoard
                ? MembershipBasis.LegalBasis : MembershipBasis.Consent;
            events.Add(new NetworkMemberAdded(id, new NetworkMember(actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId, "Org", basis, Earlier, [Sam, Sibling])));
            if (basis == MembershipBasis.Consent)
                foreach (var child in new[] { Sam, Sibling })
                {
                    events.Add(new ConsentGiven(id, actor.UserId, child, Mother, Earlier));
                    if (child == Sam) events.Add(new ConsentGiven(id, actor.UserId, child, Sam, Earlier));
                }
        }
        foreach (var admin in new[] { TableColumn.ContractManager, TableColumn.FunctionalAdministrator })
            events.Add(new NetworkMemberAdded(id, new NetworkMember(Actors[admin].UserId, "Beheer", Actors[admin].Role, null, null, MembershipBasis.Consent, Earlier, [Sam])));
        return events.Aggregate((Family?)null, Family.Evolve)!;
    }

    /// <summary>An item about Sam that satisfies every audience-like condition for the actor.</summary>
    private static ItemFacts OpenItemAbout(InformationCategory category, Actor reader, UserId? author = null) => new(
        category, [Sam], author ?? UserId.New(), OrganisationId.New(),
        new Audience(AudienceKind.NamedPeople, [reader.UserId]), [reader.UserId], ForNetwork: true);

    private static bool Allowed(Actor actor, ItemAction action, ItemFacts item, DateTimeOffset? at = null, Family? family = null) =>
        ItemPolicy.Decide(actor, action, item, family ?? Family, Born, Table, at ?? Now).Allowed;

    public static TheoryData<InformationCategory, TableColumn> EveryCell()
    {
        var data = new TheoryData<InformationCategory, TableColumn>();
        foreach (var category in Enum.GetValues<InformationCategory>())
        foreach (var column in Enum.GetValues<TableColumn>())
            data.Add(category, column);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void every_cell_gives_exactly_its_read_and_write(InformationCategory category, TableColumn column)
    {
        var actor = Actors[column];
        var cell = Table[category, column];
        // Items about Sam (or, for the parent's own contact details, about the parent), shared with
        // the reader and assigned to them: only the table and the conditions no audience opens remain.
        var ownerAboutSelf = column is TableColumn.ParentWithAuthority && cell.Conditions.HasFlag(TableCondition.AboutThemself)
            ? OpenItemAbout(category, actor) with { About = [Mother] }
            : OpenItemAbout(category, actor);
        var closedByCondition = (cell.Conditions & (TableCondition.ExistenceOnly | TableCondition.AdministrativeOnly)) != 0;
        var expectRead = cell.Access >= TableAccess.Read && !closedByCondition;
        var expectWrite = cell.Access == TableAccess.Write && !cell.Conditions.HasFlag(TableCondition.AdministrativeOnly);

        Assert.Equal(expectRead, Allowed(actor, ItemAction.Read, ownerAboutSelf));
        Assert.Equal(expectWrite, Allowed(actor, ItemAction.Create, ownerAboutSelf with { Author = actor.UserId }));
    }

    [Fact]
    public void the_default_table_is_the_documented_one()
    {
        Assert.Equal("W", Table[InformationCategory.General, TableColumn.ParentWithAuthority].ToString());
        Assert.Equal(new TableCell(TableAccess.Write, TableCondition.ProposeOnly), Table[InformationCategory.Plan, TableColumn.Youth]);
        Assert.Equal(new TableCell(TableAccess.Read, TableCondition.Under16OrYouthConsent), Table[InformationCategory.Justice, TableColumn.ParentWithAuthority]);
        Assert.Equal(new TableCell(TableAccess.Write, TableCondition.LegalBasis), Table[InformationCategory.SecretAddress, TableColumn.FamilyGuardian]);
        Assert.Equal(new TableCell(TableAccess.Read, TableCondition.AdministrativeOnly), Table[InformationCategory.Administrative, TableColumn.ContractManager]);
        Assert.Equal(TableAccess.None, Table[InformationCategory.Justice, TableColumn.NeighbourhoodTeam].Access);
        Assert.Equal(132, Table.Cells.Count);
        Assert.Empty(Table.Violations());
    }

    [Fact]
    public void condition_3_parents_read_an_observation_only_when_the_author_included_the_family()
    {
        var mother = Actors[TableColumn.ParentWithAuthority];
        var item = new ItemFacts(InformationCategory.Observation, [Sibling], UserId.New(), null, Audience.Professionals);

        Assert.False(Allowed(mother, ItemAction.Read, item));
        Assert.True(Allowed(mother, ItemAction.Read, item with { Audience = Audience.Everyone }));
    }

    [Fact]
    public void condition_5_the_neighbourhood_team_reads_medical_items_only_when_shared_with_them()
    {
        var wt = Actors[TableColumn.NeighbourhoodTeam];
        var item = new ItemFacts(InformationCategory.Medical, [Sam], UserId.New(), null, Audience.DefaultFor(InformationCategory.Medical));

        Assert.False(Allowed(wt, ItemAction.Read, item));
        Assert.True(Allowed(wt, ItemAction.Read, item with { Audience = new(AudienceKind.NamedPeople, [wt.UserId]) }));
    }

    [Fact]
    public void condition_6_legal_basis_runs_from_the_start_of_the_measure_to_its_end()
    {
        var board = Actors[TableColumn.ChildProtectionBoard];
        var item = new ItemFacts(InformationCategory.Safety, [Sam], UserId.New(), null, Audience.Professionals);

        Assert.False(Allowed(board, ItemAction.Read, item, new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.True(Allowed(board, ItemAction.Read, item, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.True(Allowed(board, ItemAction.Read, item, new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.False(Allowed(board, ItemAction.Read, item, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void condition_7_a_parent_reads_justice_information_until_the_16th_birthday()
    {
        var mother = Actors[TableColumn.ParentWithAuthority];
        var item = new ItemFacts(InformationCategory.Justice, [Sam], UserId.New(), null, Audience.Everyone);

        Assert.True(Allowed(mother, ItemAction.Read, item, new DateTimeOffset(2028, 5, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.False(Allowed(mother, ItemAction.Read, item, new DateTimeOffset(2028, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void condition_4_a_youth_reads_medical_items_about_themself_only()
    {
        var sam = Actors[TableColumn.Youth];
        var aboutSam = new ItemFacts(InformationCategory.Medical, [Sam], UserId.New(), null, Audience.Everyone);

        Assert.True(Allowed(sam, ItemAction.Read, aboutSam));
        Assert.False(Allowed(sam, ItemAction.Read, aboutSam with { About = [Sam, Sibling] }));
        Assert.False(Allowed(sam, ItemAction.Read, aboutSam with { About = [Sibling] }));
    }

    [Fact]
    public void condition_4_a_parent_keeps_their_own_contact_details()
    {
        var mother = Actors[TableColumn.ParentWithAuthority];
        var own = new ItemFacts(InformationCategory.ContactDetails, [Mother], mother.UserId, null, Audience.Everyone);

        Assert.True(Allowed(mother, ItemAction.Create, own));
        Assert.False(Allowed(mother, ItemAction.Create, own with { About = [Sam] }));
    }

    [Fact]
    public void condition_2_a_network_member_reads_plan_actions_assigned_to_them_or_for_the_network()
    {
        var foster = Actors[TableColumn.NetworkMember];
        var action = new ItemFacts(InformationCategory.Plan, [Sam], UserId.New(), null, Audience.Everyone, [UserId.New()]);

        Assert.False(Allowed(foster, ItemAction.Read, action));
        Assert.True(Allowed(foster, ItemAction.Read, action with { AssignedTo = [foster.UserId] }));
        Assert.True(Allowed(foster, ItemAction.Read, action with { ForNetwork = true }));
    }

    [Fact]
    public void condition_1_family_members_propose_plan_items_but_do_not_change_what_professionals_wrote()
    {
        var mother = Actors[TableColumn.ParentWithAuthority];
        var byProfessional = new ItemFacts(InformationCategory.Plan, [Sam], Actors[TableColumn.YouthCare].UserId, null, Audience.Everyone);

        Assert.True(Allowed(mother, ItemAction.Create, byProfessional with { Author = mother.UserId }));
        Assert.False(Allowed(mother, ItemAction.Correct, byProfessional));
        Assert.True(Allowed(mother, ItemAction.Correct, byProfessional with { Author = mother.UserId }));
    }

    [Fact]
    public void condition_8_a_parent_without_gezag_does_not_read_court_measure_content()
    {
        var father = Actors[TableColumn.ParentWithoutAuthority];

        Assert.False(Allowed(father, ItemAction.Read, OpenItemAbout(InformationCategory.CourtMeasure, father)));
        Assert.True(Allowed(father, ItemAction.Read, OpenItemAbout(InformationCategory.General, father)));
    }

    [Fact]
    public void an_item_about_two_children_needs_standing_on_each()
    {
        var mother = Actors[TableColumn.ParentWithAuthority];
        var father = Actors[TableColumn.ParentWithoutAuthority];
        var item = new ItemFacts(InformationCategory.General, [Sam, Sibling], UserId.New(), null, Audience.Everyone);
        // The GI's measure covers Sam only: no standing on the sibling.
        var guardian = Actors[TableColumn.FamilyGuardian];

        Assert.True(Allowed(mother, ItemAction.Read, item));
        Assert.True(Allowed(father, ItemAction.Read, item));
        Assert.False(Allowed(guardian, ItemAction.Read, item));
        Assert.True(Allowed(guardian, ItemAction.Read, item with { About = [Sam] }));
    }

    [Fact]
    public void the_audience_narrows_what_the_table_allows()
    {
        var yc = Actors[TableColumn.YouthCare];
        var wt = Actors[TableColumn.NeighbourhoodTeam];
        var ownOrg = new ItemFacts(InformationCategory.Observation, [Sam], UserId.New(), wt.OrganisationId, Audience.OwnOrganisation);

        Assert.True(Allowed(wt, ItemAction.Read, ownOrg));
        Assert.False(Allowed(yc, ItemAction.Read, ownOrg));
    }

    [Fact]
    public void ended_standing_means_no_access_also_to_ones_own_items()
    {
        var yc = Actors[TableColumn.YouthCare];
        var own = new ItemFacts(InformationCategory.Observation, [Sam], yc.UserId, yc.OrganisationId, Audience.Professionals);
        var withdrawn = Family.Evolve(Family, new ConsentWithdrawn(Family.Id, yc.UserId, Sam, Sam, Now))!;

        Assert.True(Allowed(yc, ItemAction.Read, own));
        Assert.False(Allowed(yc, ItemAction.Read, own, family: withdrawn));
    }

    [Fact]
    public void a_decision_carries_its_reasons()
    {
        var decision = ItemPolicy.Decide(Actors[TableColumn.ProbationOfficer], ItemAction.Create,
            new ItemFacts(InformationCategory.Justice, [Sam], UserId.New(), null, Audience.Professionals), Family, Born, Table, Now);

        Assert.True(decision.Allowed);
        Assert.Equal(Reasons.LegalBasis, decision.Reasons[0].Code);
        Assert.Equal("Jeugdreclassering", decision.Reasons[0].Args["measure"]);
        Assert.Equal(Reason.Of(Reasons.TableCell, ("category", InformationCategory.Justice), ("column", TableColumn.ProbationOfficer), ("access", TableAccess.Write)),
            decision.Reasons[1]);
    }

    [Fact]
    public void table_edits_that_give_administrators_or_contract_managers_case_content_are_refused()
    {
        Assert.NotEmpty(Table.With(InformationCategory.Observation, TableColumn.FunctionalAdministrator, new TableCell(TableAccess.Read)).Violations());
        Assert.NotEmpty(Table.With(InformationCategory.Medical, TableColumn.ContractManager, new TableCell(TableAccess.Read, TableCondition.AdministrativeOnly)).Violations());
        Assert.NotEmpty(Table.With(InformationCategory.Administrative, TableColumn.ContractManager, new TableCell(TableAccess.Read)).Violations());
        Assert.Empty(Table.With(InformationCategory.Observation, TableColumn.NetworkMember, new TableCell(TableAccess.Read, TableCondition.AudienceIncludesFamily)).Violations());
    }

    [Fact]
    public void property_administrators_and_contract_managers_never_get_case_content_and_no_standing_means_deny()
    {
        var random = new Random(7513);
        var categories = Enum.GetValues<InformationCategory>();
        var kinds = Enum.GetValues<AudienceKind>();
        var stranger = Pro(ActorRole.YouthCare);
        for (var i = 0; i < 5_000; i++)
        {
            var category = categories[random.Next(categories.Length)];
            var about = random.Next(3) switch { 0 => ImmutableArray<PersonId>.Empty, 1 => [Sam], _ => [Sam, Sibling] };
            var admin = Actors[random.Next(2) == 0 ? TableColumn.ContractManager : TableColumn.FunctionalAdministrator];
            var item = new ItemFacts(category, about, random.Next(2) == 0 ? admin.UserId : UserId.New(), admin.OrganisationId,
                new Audience(kinds[random.Next(kinds.Length)], [admin.UserId, stranger.UserId]), [admin.UserId], random.Next(2) == 0);
            var action = (ItemAction)random.Next(3);
            var at = Now.AddDays(random.Next(-400, 400));

            Assert.False(ItemPolicy.Decide(admin, action, item, Family, Born, Table, at).Allowed);
            var strangerDecision = ItemPolicy.Decide(stranger, action, item, Family, Born, Table, at);
            Assert.False(strangerDecision.Allowed);
            Assert.False(strangerDecision.KnowsItExists);
        }
    }
}
