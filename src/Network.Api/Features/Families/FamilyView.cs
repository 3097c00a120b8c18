using Network.Domain.Authorization;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Api.Features.Families;

public sealed record MeasureView(Guid MeasureId, string Type, string Organisation, DateOnly Start, DateOnly? End, bool Active);

/// <summary>A placement; <see cref="Address"/> is null when it is secret and the actor has no right to it.</summary>
public sealed record PlacementView(Guid PlacementId, DateOnly From, DateOnly? Until, bool SecretAddress, string? Address);

/// <summary>
/// A child as the actor may see it: <see cref="Access"/> "full" with details, or "pending" (name
/// only) while consent for the actor's membership is not (yet) given.
/// </summary>
public sealed record ChildView(
    Guid PersonId, string Name, string Access, string? Standing, DateOnly? DateOfBirth, int? Age, string? School,
    string? MunicipalityOfResponsibility, IReadOnlyList<Guid> ParentsWithAuthority,
    IReadOnlyList<MeasureView> Measures, IReadOnlyList<PlacementView> Placements);

public sealed record AdultView(Guid PersonId, string Name, string Relation);

public sealed record ChildConsentView(Guid ChildId, string ChildName, bool HasStanding, IReadOnlyList<Guid> ConsentGivenBy);

public sealed record ProfessionalView(
    Guid UserId, string Name, string Role, string? Organisation, string Basis, bool IsCoordinator, IReadOnlyList<ChildConsentView> Children);

/// <summary>A decision the actor, as family member, takes: consent for one professional and one child.</summary>
public sealed record ConsentTask(Guid ProfessionalId, string ProfessionalName, string? Organisation, Guid ChildId, string ChildName, bool GivenByMe, bool InForce);

public sealed record FamilyViewDto(
    Guid FamilyId, string Name, long Version, Guid? BoardId, bool CanManage, Guid? CoordinatorId,
    IReadOnlyList<ChildView> Children, IReadOnlyList<AdultView> Adults, IReadOnlyList<ProfessionalView> Professionals,
    IReadOnlyList<ConsentTask> MyConsentTasks, DateOnly AsOf);

/// <summary>Builds what one actor may see of a family. Every family read goes through here.</summary>
public static class FamilyView
{
    /// <summary>The actor is in the family or in its network (any basis, consent pending included), or has emergency access now.</summary>
    public static bool IsConnected(Family family, Actor actor, DateTimeOffset now) =>
        actor.Role is not (ActorRole.FunctionalAdministrator or ActorRole.ContractManager)
        && (family.ProfessionalFor(actor.UserId) is not null || actor.PersonId is { } p && family.MemberFor(p) is not null
            || family.EmergencyFor(actor.UserId, now) is not null);

    /// <summary>
    /// What the actor may see now, as it was on <paramref name="asOf"/> (gezag, measures,
    /// placements, ages and the municipality are valid-time: "what was true on day D").
    /// </summary>
    public static FamilyViewDto Build(FamilyContext context, Actor actor, DateTimeOffset now, long version, Guid? boardId, DateOnly? asOf = null)
    {
        var family = context.Family;
        var day = asOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        string NameOf(PersonId id) => context.People.TryGetValue(id, out var p) ? p.Details.Name.Display : "?";
        DateOnly Born(PersonId id) => context.BirthDates.GetValueOrDefault(id);
        Standing StandingOn(PersonId child) => Standings.OnChild(family, actor, child, Born(child), now);

        var membership = family.ProfessionalFor(actor.UserId);
        var canManage = membership is not null && (family.Coordinator == actor.UserId || membership.Basis == MembershipBasis.LegalBasis);

        var children = new List<ChildView>();
        foreach (var child in family.Children)
        {
            var standing = StandingOn(child);
            var listed = standing.Exists || canManage || membership?.Children.Contains(child) == true || actor.IsFamily;
            if (!listed) continue;
            if (!standing.Exists)
            {
                children.Add(new ChildView(child.Value, NameOf(child), "pending", standing.Reason, null, null, null, null, [], [], []));
                continue;
            }
            var person = context.People.GetValueOrDefault(child);
            var seesSecret = standing.Kind == StandingKind.ProfessionalByLegalBasis && actor.Role is ActorRole.FamilyGuardian or ActorRole.ChildProtectionBoard;
            children.Add(new ChildView(
                child.Value, NameOf(child), "full", standing.Reason, Born(child), Person.AgeOn(Born(child), day), person?.Details.School,
                person is null ? null : Responsibility.MunicipalityFor(person, family, day),
                [.. family.ParentsWithAuthority(child, day).Select(p => p.Value)],
                [.. family.Measures.Where(m => m.Child == child).Select(m => new MeasureView(m.Id.Value, m.Type.ToString(), m.OrganisationName, m.Start, m.End, m.ActiveOn(day)))],
                [.. family.Placements.Where(p => p.Child == child).Select(p => new PlacementView(p.Id.Value, p.From, p.Until, p.SecretAddress,
                    p.SecretAddress && !seesSecret ? null : p.Address.Display))]));
        }

        var seesAdults = children.Count > 0 || canManage;
        var adults = seesAdults
            ? family.Members.Where(m => m.Relation != Relation.Child).Select(m => new AdultView(m.PersonId.Value, NameOf(m.PersonId), m.Relation.ToString())).ToList()
            : [];
        var visibleChildren = children.ToDictionary(c => c.PersonId);

        var professionals = family.Professionals.Select(p => new ProfessionalView(
            p.UserId.Value, p.DisplayName, p.Role.ToString(), p.Organisation, p.Basis.ToString(), family.Coordinator == p.UserId,
            [.. p.Children.Where(c => visibleChildren.ContainsKey(c.Value)).Select(c => new ChildConsentView(
                c.Value, NameOf(c),
                Standings.OnChild(family, new Actor(p.UserId, p.DisplayName, p.Role, p.OrganisationId, p.Organisation), c, Born(c), now).Exists,
                [.. family.Consents.Where(g => g.Professional == p.UserId && g.Child == c).Select(g => g.GivenBy.Value)]))])).ToList();

        var tasks = new List<ConsentTask>();
        if (actor.PersonId is { } me && family.MemberFor(me) is not null)
            foreach (var p in family.Professionals.Where(p => p.Basis == MembershipBasis.Consent))
            foreach (var child in p.Children.Where(c => Consents.Required(family, c, Born(c), day).Contains(me)))
                tasks.Add(new ConsentTask(p.UserId.Value, p.DisplayName, p.Organisation, child.Value, NameOf(child),
                    family.Consents.Any(g => g.Professional == p.UserId && g.Child == child && g.GivenBy == me),
                    Consents.IsValid(family, p.UserId, child, Born(child), day)));

        return new FamilyViewDto(family.Id.Value, family.Name, version, boardId, canManage, family.Coordinator?.Value,
            children, adults, professionals, tasks, day);
    }
}
