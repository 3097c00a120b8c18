namespace Network.Domain.Tests;

public sealed class RegistryAndLogPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Mother = PersonId.New(), Child = PersonId.New(), Teen = PersonId.New();
    private static readonly Dictionary<PersonId, DateOnly> Born = new() { [Child] = new DateOnly(2018, 1, 1), [Teen] = new DateOnly(2009, 1, 1) };
    private static readonly Actor Fatima = new(UserId.New(), "Fatima", ActorRole.NeighbourhoodTeam, OrganisationId.New(), "Buurtteam");
    private static readonly Actor Jeroen = new(UserId.New(), "Jeroen", ActorRole.YouthCare, OrganisationId.New(), "De Brug");
    private static readonly Actor Sanne = new(UserId.New(), "Sanne", ActorRole.Parent, PersonId: Mother);
    private static readonly Actor TeenHerself = new(UserId.New(), "Tess", ActorRole.Youth, PersonId: Teen);

    private static FamilyOf Family()
    {
        var f = FamilyDecisions.Register(FamilyId.New(), "Gezin", Fatima, Now.AddDays(-3)).Aggregate((Family?)null, Network.Domain.Families.Family.Evolve)!;
        Family Do(Func<FamilyOf, IReadOnlyList<object>> d) => f = d(new FamilyOf(f, Born)).Aggregate(f, (s, e) => Network.Domain.Families.Family.Evolve(s, e)!);
        Do(x => FamilyDecisions.AddMember(x, Fatima, Mother, Relation.Parent, Now));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Child, Relation.Child, Now));
        Do(x => FamilyDecisions.AddMember(x, Fatima, Teen, Relation.Child, Now));
        Do(x => FamilyDecisions.RecordAuthority(x, Fatima, Mother, Child, Born[Child], Now));
        Do(x => FamilyDecisions.RecordAuthority(x, Fatima, Mother, Teen, Born[Teen], Now));
        Do(x => FamilyDecisions.GiveConsent(x, Sanne, Fatima.UserId, Child, Now));
        return new FamilyOf(f, Born);
    }

    [Fact]
    public void a_registry_record_is_visible_only_with_standing_and_contact_details_follow_their_row()
    {
        var f = Family();

        var coordinator = RegistryPolicy.See(Fatima, Child, null, [f], AuthorizationTable.Default, Now);
        var outsider = RegistryPolicy.See(Jeroen, Child, null, [f], AuthorizationTable.Default, Now);
        var mother = RegistryPolicy.See(Sanne, Child, null, [f], AuthorizationTable.Default, Now);

        Assert.Equal((Sight.Full, Sight.Full), (coordinator.General, coordinator.Contact));
        Assert.False(outsider.Decision.KnowsItExists);
        // Contact details of a parent with gezag: only about themself (condition 4).
        Assert.Equal((Sight.Full, Sight.None), (mother.General, mother.Contact));
    }

    [Fact]
    public void the_registrant_sees_a_person_in_no_family_and_loses_them_to_the_rules_once_they_are_in_one()
    {
        var loose = PersonId.New();

        Assert.True(RegistryPolicy.See(Jeroen, loose, Jeroen.UserId, [], AuthorizationTable.Default, Now).Decision.Allowed);
        Assert.False(RegistryPolicy.See(Fatima, loose, Jeroen.UserId, [], AuthorizationTable.Default, Now).Decision.KnowsItExists);
        Assert.False(RegistryPolicy.See(Jeroen, Child, Jeroen.UserId, [Family()], AuthorizationTable.Default, Now).Decision.KnowsItExists);
    }

    [Fact]
    public void a_correction_needs_write_on_what_it_changes()
    {
        var f = Family();

        // The neighbourhood team reads contact details but does not write them (ContactDetails × WT = R).
        Assert.True(RegistryPolicy.Correct(Fatima, Child, null, [f], [InformationCategory.General], AuthorizationTable.Default, Now).Allowed);
        var contact = RegistryPolicy.Correct(Fatima, Child, null, [f], [InformationCategory.ContactDetails], AuthorizationTable.Default, Now);
        Assert.False(contact.Allowed);
        Assert.True(contact.KnowsItExists);
    }

    [Fact]
    public void the_family_reads_its_log_the_coordinator_the_familys_and_other_professionals_not()
    {
        var f = Family();

        Assert.True(AccessLogPolicy.See(Sanne, f.Family, Born, AuthorizationTable.Default, Now).Decision.Allowed);
        Assert.True(AccessLogPolicy.See(Fatima, f.Family, Born, AuthorizationTable.Default, Now).Decision.Allowed);
        Assert.False(AccessLogPolicy.See(Jeroen, f.Family, Born, AuthorizationTable.Default, Now).Decision.KnowsItExists);
    }

    [Fact]
    public void from_16_a_youths_own_reads_are_hidden_from_the_parents()
    {
        var f = Family();

        var mother = AccessLogPolicy.See(Sanne, f.Family, Born, AuthorizationTable.Default, Now);
        var teen = AccessLogPolicy.See(TeenHerself, f.Family, Born, AuthorizationTable.Default, Now);

        Assert.Contains(Teen, mother.HiddenSelfReads);
        Assert.DoesNotContain(Child, mother.HiddenSelfReads);
        Assert.Empty(teen.HiddenSelfReads);
        Assert.Contains(Teen, teen.Persons[InformationCategory.General]);
        Assert.DoesNotContain(Child, teen.Persons[InformationCategory.General]);
    }

    [Fact]
    public void only_entries_with_standing_name_who_accessed()
    {
        Assert.True(AccessLogPolicy.NamesActor(AccessBasis.Consent));
        Assert.True(AccessLogPolicy.NamesActor(AccessBasis.Emergency));
        Assert.False(AccessLogPolicy.NamesActor(AccessBasis.None));
        Assert.False(AccessLogPolicy.NamesActor(AccessBasis.Registrant));
    }

    [Theory]
    [InlineData(TableColumn.ParentWithAuthority)]
    [InlineData(TableColumn.NeighbourhoodTeam)]
    [InlineData(TableColumn.YouthCare)]
    public void the_secret_address_can_never_be_granted_outside_legal_basis(TableColumn column)
    {
        var table = AuthorizationTable.Default.With(InformationCategory.SecretAddress, column, new TableCell(TableAccess.Read));

        Assert.Contains(table.Violations(), v => v.Code == HardRules.SecretAddressLegalBasisOnly && v.Args["column"] == column.ToString());
        var admin = new Actor(UserId.New(), "Beheer", ActorRole.FunctionalAdministrator);
        Assert.Equal(HardRules.SecretAddressLegalBasisOnly, Assert.Throws<DomainRuleViolation>(() => TableChanges.ChangeCell(
            AuthorizationTable.Default, admin, InformationCategory.SecretAddress, column, new TableCell(TableAccess.Read), "Proef", Now)).Code);
        // Even a legal-basis column keeps condition 6.
        Assert.NotEmpty(AuthorizationTable.Default.With(InformationCategory.SecretAddress, TableColumn.FamilyGuardian, new TableCell(TableAccess.Read)).Violations());
        Assert.Empty(AuthorizationTable.Default.Violations());
    }
}
