using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Families;

/// <summary>
/// Turns what the policy lets the actor see (<see cref="FamilySight"/>) into the family view. No
/// rule is decided here: every "may they see it" is a question to the sight.
/// </summary>
public static class FamilyViews
{
    public static FamilyView Build(
        FamilyContext context, FamilySight sight, Actor actor, DateTimeOffset now, IReadOnlyList<BoardRef> boards, DateOnly? asOf = null)
    {
        var family = context.Family;
        var day = asOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        DateOnly Born(PersonId id) => context.BirthDates.GetValueOrDefault(id);
        var adults = sight.Adults.ToHashSet();

        var children = sight.Children.Select(c =>
        {
            if (!c.Full)
                return new ChildView(c.Child.Value, context.NameOf(c.Child), ChildAccess.Pending, ReasonView.From([c.Standing.Reason]),
                    null, null, null, null, [], [], []);
            var person = context.People.GetValueOrDefault(c.Child);
            var measures = family.Measures.Where(m => m.Child == c.Child)
                .Select(m => (Measure: m, Sight: c.Of(Domain.Authorization.Measures.CategoryOf(m.Type))))
                .Where(m => m.Sight != Sight.None)
                .Select(m => new MeasureView(m.Measure.Id.Value, m.Measure.Type,
                    m.Sight == Sight.Full ? m.Measure.OrganisationName : null, m.Measure.Start, m.Measure.End, m.Measure.ActiveOn(day)));
            var placements = family.Placements.Where(p => p.Child == c.Child).Select(p => new PlacementView(
                p.Id.Value, p.From, p.Until, p.SecretAddress,
                c.Of(p.SecretAddress ? InformationCategory.SecretAddress : InformationCategory.ContactDetails) == Sight.Full ? p.Address.Display : null));
            return new ChildView(
                c.Child.Value, context.NameOf(c.Child), ChildAccess.Full, ReasonView.From([c.Standing.Reason]), Born(c.Child),
                Person.AgeOn(Born(c.Child), day), person?.Details.School,
                person is not null && c.Of(InformationCategory.Administrative) == Sight.Full ? Responsibility.MunicipalityFor(person, family, day) : null,
                [.. family.ParentsWithAuthority(c.Child, day).Where(adults.Contains).Select(p => p.Value)],
                [.. measures], [.. placements]);
        }).ToList();

        var visibleChildren = sight.Children.Where(c => c.Full).Select(c => c.Child).ToHashSet();
        var network = sight.Network.Select(m =>
        {
            var member = family.ProfessionalFor(m.Professional)!;
            var asActor = new Actor(member.UserId, member.DisplayName, member.Role, member.OrganisationId, member.Organisation);
            return new NetworkMemberView(member.UserId.Value, member.DisplayName, member.Role, member.Organisation, member.Basis, m.IsCoordinator,
                [.. m.Children.Select(c => new ChildConsentView(c.Value, context.NameOf(c),
                    Standings.OnChild(family, asActor, c, Born(c), now).Exists,
                    [.. family.Consents.Where(g => g.Professional == member.UserId && g.Child == c).Select(g => g.GivenBy.Value)]))]);
        }).ToList();

        var tasks = new List<ConsentTask>();
        if (actor.PersonId is { } me && family.MemberFor(me) is not null)
            foreach (var p in family.Professionals.Where(p => p.Basis == MembershipBasis.Consent))
            foreach (var child in p.Children.Where(c => visibleChildren.Contains(c) && Consents.Required(family, c, Born(c), day).Contains(me)))
                tasks.Add(new ConsentTask(p.UserId.Value, p.DisplayName, p.Organisation, child.Value, context.NameOf(child),
                    family.Consents.Any(g => g.Professional == p.UserId && g.Child == child && g.GivenBy == me),
                    Consents.IsValid(family, p.UserId, child, Born(child), day),
                    family.Consents.FirstOrDefault(g => g.Professional == p.UserId && g.Child == child && g.GivenBy == me)?.OnBehalf is { } b
                        ? new ConsentOnBehalfView(b.RecordedByName, b.Form, b.GivenOn) : null));

        var emergencies = family.ActiveEmergencies(now).Where(e => sight.EmergenciesFor.Contains(e.Child))
            .Select(e => new EmergencyView(e.DisplayName, e.Role, e.Organisation, e.Child.Value, context.NameOf(e.Child), e.Reason, e.Until));

        return new FamilyView(family.Id.Value, family.Name, context.Version,
            sight.SeesFamily ? boards.FirstOrDefault()?.BoardId : null, sight.CanManage, sight.SeesComposition ? family.Coordinator?.Value : null,
            children, [.. sight.Adults.Select(a => new AdultView(a.Value, context.NameOf(a), family.MemberFor(a)!.Relation))],
            network, tasks, [.. emergencies], sight.SeesFamily ? boards : [], day);
    }
}
