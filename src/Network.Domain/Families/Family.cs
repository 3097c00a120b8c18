using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>How a person belongs to the family.</summary>
public enum Relation
{
    Parent,
    StepParent,
    Child,
    FosterParent,
    NetworkMember,
}

/// <summary>How a professional came to be in the family's network.</summary>
public enum MembershipBasis
{
    /// <summary>Voluntary framework: the family consented, per child.</summary>
    Consent,
    /// <summary>A measure or investigation executed by the member's organisation.</summary>
    LegalBasis,
}

public enum MeasureType
{
    /// <summary>Ondertoezichtstelling (civil law).</summary>
    Ots,
    /// <summary>Voogdij: guardianship (civil law).</summary>
    Voogdij,
    /// <summary>Machtiging uithuisplaatsing (civil law).</summary>
    MachtigingUithuisplaatsing,
    /// <summary>Jeugdreclassering (criminal law).</summary>
    Jeugdreclassering,
    /// <summary>An investigation of the Raad voor de Kinderbescherming.</summary>
    RaadOnderzoek,
}

public sealed record FamilyMember(PersonId PersonId, Relation Relation, DateTimeOffset Since);

/// <summary>Gezag of one parent over one child, valid from a day until (not including) another.</summary>
public sealed record ParentalAuthority(PersonId Parent, PersonId Child, DateOnly From, DateOnly? Until)
{
    public bool ValidOn(DateOnly day) => From <= day && (Until is null || day < Until);
}

public sealed record Measure(
    MeasureId Id, PersonId Child, MeasureType Type, OrganisationId Organisation, string OrganisationName, DateOnly Start, DateOnly? End)
{
    public bool ActiveOn(DateOnly day) => Start <= day && (End is null || day < End);
}

public sealed record Placement(
    PlacementId Id, PersonId Child, DateOnly From, DateOnly? Until, Address Address, bool SecretAddress, string? MunicipalityBefore)
{
    public bool ActiveOn(DateOnly day) => From <= day && (Until is null || day < Until);
}

/// <summary>A professional in the family's network, with the children their membership covers.</summary>
public sealed record NetworkMember(
    UserId UserId,
    string DisplayName,
    ActorRole Role,
    OrganisationId? OrganisationId,
    string? Organisation,
    MembershipBasis Basis,
    DateTimeOffset Since,
    ImmutableArray<PersonId> Children);

/// <summary>Break-the-glass access to one child: a professional without standing, for a stated reason and a limited time.</summary>
public sealed record EmergencyAccess(
    UserId UserId, string DisplayName, ActorRole Role, OrganisationId? OrganisationId, string? Organisation,
    PersonId Child, string Reason, DateTimeOffset From, DateTimeOffset Until)
{
    public bool ActiveAt(DateTimeOffset at) => From <= at && at < Until;
}

/// <summary>
/// One family member's consent for one professional and one child; <see cref="OnBehalf"/> when a
/// professional recorded it for them (given in person or on paper).
/// </summary>
public sealed record ConsentGrant(UserId Professional, PersonId Child, PersonId GivenBy, DateTimeOffset At, ConsentOnBehalf? OnBehalf = null);

public sealed record FamilyRegistered(FamilyId FamilyId, string Name, DateTimeOffset At);
public sealed record FamilyMemberAdded(FamilyId FamilyId, PersonId PersonId, Relation Relation, DateTimeOffset At);
public sealed record ParentalAuthorityRecorded(FamilyId FamilyId, PersonId Parent, PersonId Child, DateOnly From, DateTimeOffset At);
public sealed record ParentalAuthorityEnded(FamilyId FamilyId, PersonId Parent, PersonId Child, DateOnly On, DateTimeOffset At);
public sealed record MeasureRecorded(FamilyId FamilyId, Measure Measure, DateTimeOffset At);
public sealed record MeasureEnded(FamilyId FamilyId, MeasureId MeasureId, DateOnly On, DateTimeOffset At);
public sealed record PlacementStarted(FamilyId FamilyId, Placement Placement, DateTimeOffset At);
public sealed record PlacementEnded(FamilyId FamilyId, PlacementId PlacementId, DateOnly On, DateTimeOffset At);
public sealed record NetworkMemberAdded(FamilyId FamilyId, NetworkMember Member);
public sealed record NetworkMemberRemoved(FamilyId FamilyId, UserId UserId, DateTimeOffset At);
public sealed record CoordinatorAppointed(FamilyId FamilyId, UserId UserId, DateTimeOffset At);
public sealed record ConsentGiven(FamilyId FamilyId, UserId Professional, PersonId Child, PersonId GivenBy, DateTimeOffset At);
public sealed record ConsentWithdrawn(FamilyId FamilyId, UserId Professional, PersonId Child, PersonId WithdrawnBy, DateTimeOffset At);
public sealed record EmergencyAccessGranted(FamilyId FamilyId, EmergencyAccess Access, UserId? NotifiedCoordinator);

/// <summary>
/// A family: its members (registry persons), gezag, measures, placements, the professionals in
/// its network and the consents the family gave them. Everything carries its dates, so "what
/// was true on day D" is answerable.
/// </summary>
public sealed record Family(
    FamilyId Id,
    string Name,
    ImmutableArray<FamilyMember> Members,
    ImmutableArray<ParentalAuthority> Authority,
    ImmutableArray<Measure> Measures,
    ImmutableArray<Placement> Placements,
    ImmutableArray<NetworkMember> Professionals,
    ImmutableArray<ConsentGrant> Consents,
    UserId? Coordinator,
    ImmutableArray<EmergencyAccess> Emergencies = default,
    ImmutableArray<YouthChoice> YouthChoices = default)
{
    /// <summary>A youth's choice in force for one category (<see cref="YouthSay"/>), or none.</summary>
    public YouthChoice? ChoiceOf(PersonId youth, InformationCategory category) =>
        YouthChoices.IsDefault ? null : YouthChoices.FirstOrDefault(c => c.Youth == youth && c.Category == category);

    /// <summary>Every choice a youth made that is in force.</summary>
    public IEnumerable<YouthChoice> ChoicesOf(PersonId youth) => YouthChoices.IsDefault ? [] : YouthChoices.Where(c => c.Youth == youth);

    public EmergencyAccess? EmergencyFor(UserId user, PersonId child, DateTimeOffset at) =>
        Emergencies.IsDefault ? null : Emergencies.LastOrDefault(e => e.UserId == user && e.Child == child && e.ActiveAt(at));

    /// <summary>Everyone holding emergency access to a child of this family at <paramref name="at"/>.</summary>
    public IEnumerable<EmergencyAccess> ActiveEmergencies(DateTimeOffset at) =>
        Emergencies.IsDefault ? [] : Emergencies.Where(e => e.ActiveAt(at));

    public IEnumerable<PersonId> Children => Members.Where(m => m.Relation == Relation.Child).Select(m => m.PersonId);

    public FamilyMember? MemberFor(PersonId person) => Members.FirstOrDefault(m => m.PersonId == person);

    public NetworkMember? ProfessionalFor(UserId user) => Professionals.FirstOrDefault(m => m.UserId == user);

    public bool HasAuthority(PersonId parent, PersonId child, DateOnly day) =>
        Authority.Any(a => a.Parent == parent && a.Child == child && a.ValidOn(day));

    public IEnumerable<PersonId> ParentsWithAuthority(PersonId child, DateOnly day) =>
        Authority.Where(a => a.Child == child && a.ValidOn(day)).Select(a => a.Parent).Distinct();

    /// <summary>
    /// A family stored before a list existed reads it back as a default array, which cannot be
    /// written again: every step starts from empty lists instead.
    /// </summary>
    public static Family? Evolve(Family? state, object @event) =>
        Step(state is { YouthChoices.IsDefault: true } or { Emergencies.IsDefault: true }
            ? state with
            {
                YouthChoices = state.YouthChoices.IsDefault ? [] : state.YouthChoices,
                Emergencies = state.Emergencies.IsDefault ? [] : state.Emergencies,
            }
            : state, @event);

    private static Family? Step(Family? state, object @event) => (state, @event) switch
    {
        (_, FamilyRegistered e) => new Family(e.FamilyId, e.Name, [], [], [], [], [], [], null, [], []),
        (null, _) => null,
        (var f, FamilyMemberAdded e) => f with
        {
            Members = f.Members.RemoveAll(m => m.PersonId == e.PersonId).Add(new FamilyMember(e.PersonId, e.Relation, e.At)),
        },
        (var f, ParentalAuthorityRecorded e) => f with
        {
            Authority = f.Authority.Add(new ParentalAuthority(e.Parent, e.Child, e.From, null)),
        },
        (var f, ParentalAuthorityEnded e) => f with
        {
            Authority = [.. f.Authority.Select(a => a.Parent == e.Parent && a.Child == e.Child && a.Until is null && a.From <= e.On
                ? a with { Until = e.On } : a)],
        },
        (var f, MeasureRecorded e) => f with { Measures = f.Measures.Add(e.Measure) },
        (var f, MeasureEnded e) => f with
        {
            Measures = [.. f.Measures.Select(m => m.Id == e.MeasureId ? m with { End = e.On } : m)],
        },
        (var f, PlacementStarted e) => f with { Placements = f.Placements.Add(e.Placement) },
        (var f, PlacementEnded e) => f with
        {
            Placements = [.. f.Placements.Select(p => p.Id == e.PlacementId ? p with { Until = e.On } : p)],
        },
        (var f, NetworkMemberAdded e) => f with
        {
            Professionals = f.Professionals.RemoveAll(m => m.UserId == e.Member.UserId).Add(e.Member),
        },
        (var f, NetworkMemberRemoved e) => f with
        {
            Professionals = f.Professionals.RemoveAll(m => m.UserId == e.UserId),
            Consents = f.Consents.RemoveAll(c => c.Professional == e.UserId),
            Coordinator = f.Coordinator == e.UserId ? null : f.Coordinator,
        },
        (var f, CoordinatorAppointed e) => f with { Coordinator = e.UserId },
        (var f, EmergencyAccessGranted e) => f with { Emergencies = (f.Emergencies.IsDefault ? [] : f.Emergencies).Add(e.Access) },
        (var f, YouthSayChosen e) => f with
        {
            YouthChoices = (f.YouthChoices.IsDefault ? [] : f.YouthChoices)
                .RemoveAll(c => c.Youth == e.Youth && c.Category == e.Category)
                .Add(new YouthChoice(e.Youth, e.Category, e.ParentsSee, e.At)),
        },
        (var f, ConsentRecordedOnBehalf e) => f with
        {
            Consents = f.Consents
                .RemoveAll(c => c.Professional == e.Professional && c.Child == e.Child && c.GivenBy == e.GivenBy)
                .Add(new ConsentGrant(e.Professional, e.Child, e.GivenBy, e.At, e.OnBehalf)),
        },
        (var f, ConsentGiven e) => f with
        {
            Consents = f.Consents
                .RemoveAll(c => c.Professional == e.Professional && c.Child == e.Child && c.GivenBy == e.GivenBy)
                .Add(new ConsentGrant(e.Professional, e.Child, e.GivenBy, e.At)),
        },
        // Withdrawing consent ends the invitation for that child: the professional no longer sees
        // it even as "waiting for consent"; joining again takes a new invitation.
        (var f, ConsentWithdrawn e) => f with
        {
            Consents = f.Consents.RemoveAll(c => c.Professional == e.Professional && c.Child == e.Child),
            Professionals = [.. f.Professionals.Select(p => p.UserId == e.Professional && p.Basis == MembershipBasis.Consent
                ? p with { Children = p.Children.Remove(e.Child) } : p)],
        },
        (var f, _) => f,
    };
}
