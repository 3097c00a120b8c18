using Network.Domain.Authorization;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>
/// The commands on a family. Pure: the family, its children's birth dates, actor, time and ids
/// come in as arguments. Who may compose the family is <see cref="FamilyPolicy.Manage"/>.
/// </summary>
public static class FamilyDecisions
{
    public static IReadOnlyList<object> Register(FamilyId id, string name, Actor registrant, DateTimeOffset now)
    {
        if (!registrant.IsProfessional) throw new NotAllowed(Reasons.ProfessionalsOnly);
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleViolation("family.name-required");
        return
        [
            new FamilyRegistered(id, name.Trim(), now),
            new NetworkMemberAdded(id, new NetworkMember(registrant.UserId, registrant.DisplayName, registrant.Role,
                registrant.OrganisationId, registrant.Organisation, MembershipBasis.Consent, now, [])),
            new CoordinatorAppointed(id, registrant.UserId, now),
        ];
    }

    /// <summary>
    /// Adds a registry person. A child added by a professional of the network joins that
    /// professional's membership, waiting for consent (or for their measure), so they can see it.
    /// </summary>
    public static IReadOnlyList<object> AddMember(FamilyOf f, Actor actor, PersonId person, Relation relation, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        if (family.MemberFor(person) is { } existing)
            return existing.Relation == relation ? [] : throw new DomainRuleViolation("family.member-exists");
        var events = new List<object> { new FamilyMemberAdded(family.Id, person, relation, now) };
        if (relation == Relation.Child && family.ProfessionalFor(actor.UserId) is { } member && !member.Children.Contains(person))
            events.Add(new NetworkMemberAdded(family.Id, member with { Children = member.Children.Add(person) }));
        return events;
    }

    public static IReadOnlyList<object> RecordAuthority(FamilyOf f, Actor actor, PersonId parent, PersonId child, DateOnly from, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        RequireRelation(family, child, Relation.Child);
        if (family.MemberFor(parent) is not { Relation: Relation.Parent or Relation.StepParent or Relation.FosterParent })
            throw new DomainRuleViolation("family.not-a-parent");
        if (family.Authority.Any(a => a.Parent == parent && a.Child == child && (a.Until is null || a.Until > from)))
            return [];
        return [new ParentalAuthorityRecorded(family.Id, parent, child, from, now)];
    }

    public static IReadOnlyList<object> EndAuthority(FamilyOf f, Actor actor, PersonId parent, PersonId child, DateOnly on, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        if (!family.Authority.Any(a => a.Parent == parent && a.Child == child && a.Until is null && a.From <= on))
            throw new DomainRuleViolation("family.no-authority");
        return [new ParentalAuthorityEnded(family.Id, parent, child, on, now)];
    }

    public static IReadOnlyList<object> RecordMeasure(
        FamilyOf f, Actor actor, MeasureId id, PersonId child, MeasureType type, Organisation executor,
        DateOnly start, DateOnly? end, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        RequireRelation(family, child, Relation.Child);
        if (end is { } e && e <= start) throw new DomainRuleViolation("measure.end-before-start");
        var expected = type == MeasureType.RaadOnderzoek ? OrganisationType.ChildProtectionBoard : OrganisationType.CertifiedInstitution;
        if (executor.Type != expected)
            throw new DomainRuleViolation(type == MeasureType.RaadOnderzoek ? "measure.executor-must-be-raad" : "measure.executor-must-be-gi");
        return [new MeasureRecorded(family.Id, new Measure(id, child, type, executor.Id, executor.Name, start, end), now)];
    }

    public static IReadOnlyList<object> EndMeasure(FamilyOf f, Actor actor, MeasureId id, DateOnly on, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        var measure = family.Measures.FirstOrDefault(m => m.Id == id) ?? throw new ResourceNotFound("measure");
        if (on <= measure.Start) throw new DomainRuleViolation("measure.end-before-start");
        return [new MeasureEnded(family.Id, id, on, now)];
    }

    public static IReadOnlyList<object> StartPlacement(
        FamilyOf f, Actor actor, PlacementId id, PersonId child, DateOnly from, Address address, bool secret,
        Address? addressBefore, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        RequireRelation(family, child, Relation.Child);
        if (family.Placements.Any(p => p.Child == child && (p.Until is null || p.Until > from)))
            throw new DomainRuleViolation("placement.overlaps");
        return [new PlacementStarted(family.Id, new Placement(id, child, from, null, address, secret, addressBefore?.Municipality), now)];
    }

    public static IReadOnlyList<object> EndPlacement(FamilyOf f, Actor actor, PlacementId id, DateOnly on, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        var placement = family.Placements.FirstOrDefault(p => p.Id == id) ?? throw new ResourceNotFound("placement");
        if (on <= placement.From) throw new DomainRuleViolation("placement.end-before-start");
        return [new PlacementEnded(family.Id, id, on, now)];
    }

    /// <summary>
    /// Adds a professional to the network. On consent basis they gain standing per child only once
    /// the family consents; on legal basis their organisation must execute a measure for each child.
    /// </summary>
    public static IReadOnlyList<object> InviteProfessional(
        FamilyOf f, Actor actor, Actor professional, MembershipBasis basis, IReadOnlyCollection<PersonId> children, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        if (!professional.IsProfessional) throw new DomainRuleViolation("network.not-a-professional");
        if (children.Count == 0) throw new DomainRuleViolation("network.children-required");
        foreach (var child in children) RequireRelation(family, child, Relation.Child);
        if (basis == MembershipBasis.LegalBasis)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var child in children)
                if (!Standings.HasCurrentOrComingMeasure(family, professional.Role, professional.OrganisationId, child, day))
                    throw new DomainRuleViolation("network.no-legal-basis");
        }
        var existing = family.ProfessionalFor(professional.UserId);
        var member = new NetworkMember(professional.UserId, professional.DisplayName, professional.Role, professional.OrganisationId,
            professional.Organisation, basis, existing?.Since ?? now, [.. (existing?.Children ?? []).Union(children)]);
        return existing == member ? [] : [new NetworkMemberAdded(family.Id, member)];
    }

    public static IReadOnlyList<object> RemoveProfessional(FamilyOf f, Actor actor, UserId professional, DateTimeOffset now)
    {
        var family = f.Family;
        // Anyone may leave a network; removing someone else is composing the family.
        if (actor.UserId != professional) RequireManager(f, actor, now);
        if (family.ProfessionalFor(professional) is null) throw new ResourceNotFound("member");
        return [new NetworkMemberRemoved(family.Id, professional, now)];
    }

    public static IReadOnlyList<object> AppointCoordinator(FamilyOf f, Actor actor, UserId coordinator, DateTimeOffset now)
    {
        var family = RequireManager(f, actor, now);
        if (family.ProfessionalFor(coordinator) is null) throw new DomainRuleViolation("network.coordinator-not-member");
        return family.Coordinator == coordinator ? [] : [new CoordinatorAppointed(family.Id, coordinator, now)];
    }

    public static readonly TimeSpan MaxEmergency = TimeSpan.FromHours(4);

    /// <summary>
    /// Break the glass: a professional without standing on a child opens that child (and its
    /// family's general facts) with a stated reason for a limited time. The coordinator is told at
    /// once; the access log marks it as emergency access.
    /// </summary>
    public static IReadOnlyList<object> BreakTheGlass(
        FamilyOf f, Actor actor, PersonId child, string reason, TimeSpan duration, DateTimeOffset now)
    {
        var family = f.Family;
        if (!actor.IsProfessional) throw new NotAllowed(Reasons.ProfessionalsOnly);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10) throw new DomainRuleViolation("emergency.reason-required");
        if (duration <= TimeSpan.Zero || duration > MaxEmergency)
            throw new DomainRuleViolation("emergency.duration", ("hours", MaxEmergency.TotalHours));
        RequireRelation(family, child, Relation.Child);
        if (Standings.OnChild(family, actor, child, f.BirthDates.GetValueOrDefault(child), now).Kind is not (StandingKind.None or StandingKind.Emergency))
            throw new DomainRuleViolation("emergency.has-standing");
        var access = new EmergencyAccess(actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId, actor.Organisation,
            child, reason.Trim(), now, now + duration);
        return [new EmergencyAccessGranted(family.Id, access, family.Coordinator)];
    }

    /// <summary>A family member consents, for one child, to one professional. Only those whose consent counts may.</summary>
    public static IReadOnlyList<object> GiveConsent(FamilyOf f, Actor actor, UserId professional, PersonId child, DateTimeOffset now)
    {
        var family = f.Family;
        var giver = ConsentGiver(f, actor, child, now);
        var member = family.ProfessionalFor(professional) ?? throw new ResourceNotFound("member");
        if (member.Basis != MembershipBasis.Consent || !member.Children.Contains(child))
            throw new DomainRuleViolation("consent.not-invited");
        if (family.Consents.Any(c => c.Professional == professional && c.Child == child && c.GivenBy == giver)) return [];
        return [new ConsentGiven(family.Id, professional, child, giver, now)];
    }

    public static IReadOnlyList<object> WithdrawConsent(FamilyOf f, Actor actor, UserId professional, PersonId child, DateTimeOffset now)
    {
        var family = f.Family;
        var giver = ConsentGiver(f, actor, child, now);
        if (!family.Consents.Any(c => c.Professional == professional && c.Child == child && c.GivenBy == giver)) return [];
        return [new ConsentWithdrawn(family.Id, professional, child, giver, now)];
    }

    private static PersonId ConsentGiver(FamilyOf f, Actor actor, PersonId child, DateTimeOffset now)
    {
        var family = f.Family;
        if (actor.PersonId is not { } person || family.MemberFor(person) is null) throw new ResourceNotFound("family");
        RequireRelation(family, child, Relation.Child);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var born = f.BirthDates.GetValueOrDefault(child);
        if (!Consents.Required(family, child, born, day).Contains(person))
            throw new NotAllowed(Consents.WhoDecides(child == person, Person.AgeOn(born, day)));
        return person;
    }

    private static Family RequireManager(FamilyOf f, Actor actor, DateTimeOffset now)
    {
        var decision = FamilyPolicy.Manage(actor, f.Family, f.BirthDates, now);
        if (!decision.KnowsItExists) throw new ResourceNotFound("family");
        if (!decision.Allowed) throw new NotAllowed(decision.Reasons);
        return f.Family;
    }

    private static void RequireRelation(Family family, PersonId person, Relation relation)
    {
        if (family.MemberFor(person)?.Relation != relation)
            throw new DomainRuleViolation("family.wrong-relation", ("relation", relation));
    }
}
