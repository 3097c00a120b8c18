using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Registry;

namespace Network.Domain.Families;

/// <summary>The commands on a family. Pure: the family, actor, time and ids come in as arguments.</summary>
public static class FamilyDecisions
{
    public static IReadOnlyList<object> Register(FamilyId id, string name, Actor registrant, DateTimeOffset now)
    {
        if (!registrant.IsProfessional)
            throw new NotAllowed("Alleen professionals registreren gezinnen.");
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainRuleViolation("family.name-required", "Geef het gezin een naam.");
        return
        [
            new FamilyRegistered(id, name.Trim(), now),
            new NetworkMemberAdded(id, new NetworkMember(registrant.UserId, registrant.DisplayName, registrant.Role,
                registrant.OrganisationId, registrant.Organisation, MembershipBasis.Consent, now, [])),
            new CoordinatorAppointed(id, registrant.UserId, now),
        ];
    }

    public static IReadOnlyList<object> AddMember(Family family, Actor actor, PersonId person, Relation relation, DateTimeOffset now)
    {
        RequireManager(family, actor);
        if (family.MemberFor(person) is { } existing)
            return existing.Relation == relation
                ? []
                : throw new DomainRuleViolation("family.member-exists", "Deze persoon hoort al bij het gezin, met een andere relatie.");
        return [new FamilyMemberAdded(family.Id, person, relation, now)];
    }

    public static IReadOnlyList<object> RecordAuthority(Family family, Actor actor, PersonId parent, PersonId child, DateOnly from, DateTimeOffset now)
    {
        RequireManager(family, actor);
        RequireRelation(family, child, Relation.Child);
        if (family.MemberFor(parent) is not { Relation: Relation.Parent or Relation.StepParent or Relation.FosterParent })
            throw new DomainRuleViolation("family.not-a-parent", "Alleen een ouder van het gezin kan gezag hebben.");
        if (family.Authority.Any(a => a.Parent == parent && a.Child == child && (a.Until is null || a.Until > from)))
            return [];
        return [new ParentalAuthorityRecorded(family.Id, parent, child, from, now)];
    }

    public static IReadOnlyList<object> EndAuthority(Family family, Actor actor, PersonId parent, PersonId child, DateOnly on, DateTimeOffset now)
    {
        RequireManager(family, actor);
        if (!family.Authority.Any(a => a.Parent == parent && a.Child == child && a.Until is null && a.From <= on))
            throw new DomainRuleViolation("family.no-authority", "Deze ouder heeft geen lopend gezag over dit kind.");
        return [new ParentalAuthorityEnded(family.Id, parent, child, on, now)];
    }

    public static IReadOnlyList<object> RecordMeasure(
        Family family, Actor actor, MeasureId id, PersonId child, MeasureType type, Organisation executor,
        DateOnly start, DateOnly? end, DateTimeOffset now)
    {
        RequireManager(family, actor);
        RequireRelation(family, child, Relation.Child);
        if (end is { } e && e <= start)
            throw new DomainRuleViolation("measure.end-before-start", "Een maatregel eindigt na de begindatum.");
        var expected = type switch
        {
            MeasureType.RaadOnderzoek => OrganisationType.ChildProtectionBoard,
            _ => OrganisationType.CertifiedInstitution,
        };
        if (executor.Type != expected)
            throw new DomainRuleViolation("measure.wrong-executor",
                type == MeasureType.RaadOnderzoek ? "Een onderzoek wordt gedaan door de Raad voor de Kinderbescherming." : "Een maatregel wordt uitgevoerd door een gecertificeerde instelling (GI).");
        return [new MeasureRecorded(family.Id, new Measure(id, child, type, executor.Id, executor.Name, start, end), now)];
    }

    public static IReadOnlyList<object> EndMeasure(Family family, Actor actor, MeasureId id, DateOnly on, DateTimeOffset now)
    {
        RequireManager(family, actor);
        var measure = family.Measures.FirstOrDefault(m => m.Id == id) ?? throw new ResourceNotFound("measure");
        if (on <= measure.Start)
            throw new DomainRuleViolation("measure.end-before-start", "Een maatregel eindigt na de begindatum.");
        return [new MeasureEnded(family.Id, id, on, now)];
    }

    public static IReadOnlyList<object> StartPlacement(
        Family family, Actor actor, PlacementId id, PersonId child, DateOnly from, Address address, bool secret,
        Address? addressBefore, DateTimeOffset now)
    {
        RequireManager(family, actor);
        RequireRelation(family, child, Relation.Child);
        if (family.Placements.Any(p => p.Child == child && (p.Until is null || p.Until > from)))
            throw new DomainRuleViolation("placement.overlaps", "Dit kind heeft in die periode al een plaatsing.");
        return [new PlacementStarted(family.Id, new Placement(id, child, from, null, address, secret, addressBefore?.Municipality), now)];
    }

    public static IReadOnlyList<object> EndPlacement(Family family, Actor actor, PlacementId id, DateOnly on, DateTimeOffset now)
    {
        RequireManager(family, actor);
        var placement = family.Placements.FirstOrDefault(p => p.Id == id) ?? throw new ResourceNotFound("placement");
        if (on <= placement.From)
            throw new DomainRuleViolation("placement.end-before-start", "Een plaatsing eindigt na de begindatum.");
        return [new PlacementEnded(family.Id, id, on, now)];
    }

    /// <summary>
    /// Adds a professional to the network. On consent basis they gain standing per child only once
    /// the family consents; on legal basis their organisation must execute a measure for each child.
    /// </summary>
    public static IReadOnlyList<object> InviteProfessional(
        Family family, Actor actor, Actor professional, MembershipBasis basis, IReadOnlyCollection<PersonId> children, DateTimeOffset now)
    {
        RequireManager(family, actor);
        if (!professional.IsProfessional)
            throw new DomainRuleViolation("network.not-a-professional", "Alleen professionals worden zo aan het netwerk toegevoegd.");
        if (children.Count == 0)
            throw new DomainRuleViolation("network.children-required", "Kies voor welke kinderen de professional meedoet.");
        foreach (var child in children) RequireRelation(family, child, Relation.Child);
        if (basis == MembershipBasis.LegalBasis)
        {
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var child in children)
                if (!Standings.HasCurrentOrComingMeasure(family, professional.Role, professional.OrganisationId, child, day))
                    throw new DomainRuleViolation("network.no-legal-basis", "Hun organisatie voert voor dit kind geen lopende maatregel uit die bij hun rol past.");
        }
        var existing = family.ProfessionalFor(professional.UserId);
        var member = new NetworkMember(professional.UserId, professional.DisplayName, professional.Role, professional.OrganisationId,
            professional.Organisation, basis, existing?.Since ?? now, [.. (existing?.Children ?? []).Union(children)]);
        return existing == member ? [] : [new NetworkMemberAdded(family.Id, member)];
    }

    public static IReadOnlyList<object> RemoveProfessional(Family family, Actor actor, UserId professional, DateTimeOffset now)
    {
        if (actor.UserId != professional) RequireManager(family, actor);
        if (family.ProfessionalFor(professional) is null) throw new ResourceNotFound("member");
        return [new NetworkMemberRemoved(family.Id, professional, now)];
    }

    public static IReadOnlyList<object> AppointCoordinator(Family family, Actor actor, UserId coordinator, DateTimeOffset now)
    {
        RequireManager(family, actor);
        if (family.ProfessionalFor(coordinator) is null)
            throw new DomainRuleViolation("network.coordinator-not-member", "De regisseur moet in het netwerk van het gezin zitten.");
        return family.Coordinator == coordinator ? [] : [new CoordinatorAppointed(family.Id, coordinator, now)];
    }

    public static readonly TimeSpan MaxEmergency = TimeSpan.FromHours(4);

    /// <summary>
    /// Break the glass: a professional without standing opens the family with a stated reason for
    /// a limited time. The coordinator is told at once; the access log marks it as emergency access.
    /// </summary>
    public static IReadOnlyList<object> BreakTheGlass(Family family, Actor actor, string reason, TimeSpan duration, IReadOnlyDictionary<PersonId, DateOnly> birthDates, DateTimeOffset now)
    {
        if (!actor.IsProfessional)
            throw new NotAllowed("Alleen professionals kunnen noodtoegang vragen.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
            throw new DomainRuleViolation("emergency.reason-required", "Noodtoegang vraagt een duidelijke reden (minstens 10 tekens).");
        if (duration <= TimeSpan.Zero || duration > MaxEmergency)
            throw new DomainRuleViolation("emergency.duration", $"Noodtoegang duurt hoogstens {MaxEmergency.TotalHours:0} uur.");
        if (family.Children.Any(c => Standings.OnChild(family, actor, c, birthDates.GetValueOrDefault(c), now).Kind
                is not (StandingKind.None or StandingKind.Emergency)))
            throw new DomainRuleViolation("emergency.has-standing", "U heeft al toegang tot dit gezin.");
        var access = new EmergencyAccess(actor.UserId, actor.DisplayName, actor.Role, actor.OrganisationId, actor.Organisation, reason.Trim(), now, now + duration);
        return [new EmergencyAccessGranted(family.Id, access, family.Coordinator)];
    }

    /// <summary>A family member consents, for one child, to one professional. Only those whose consent counts may.</summary>
    public static IReadOnlyList<object> GiveConsent(
        Family family, Actor actor, UserId professional, PersonId child, DateOnly childBirthDate, DateTimeOffset now)
    {
        var giver = ConsentGiver(family, actor, child, childBirthDate, now);
        var member = family.ProfessionalFor(professional) ?? throw new ResourceNotFound("member");
        if (member.Basis != MembershipBasis.Consent || !member.Children.Contains(child))
            throw new DomainRuleViolation("consent.not-invited", "Deze professional is niet voor dit kind uitgenodigd.");
        if (family.Consents.Any(c => c.Professional == professional && c.Child == child && c.GivenBy == giver)) return [];
        return [new ConsentGiven(family.Id, professional, child, giver, now)];
    }

    public static IReadOnlyList<object> WithdrawConsent(
        Family family, Actor actor, UserId professional, PersonId child, DateOnly childBirthDate, DateTimeOffset now)
    {
        var giver = ConsentGiver(family, actor, child, childBirthDate, now);
        if (!family.Consents.Any(c => c.Professional == professional && c.Child == child && c.GivenBy == giver)) return [];
        return [new ConsentWithdrawn(family.Id, professional, child, giver, now)];
    }

    private static PersonId ConsentGiver(Family family, Actor actor, PersonId child, DateOnly childBirthDate, DateTimeOffset now)
    {
        if (actor.PersonId is not { } person || family.MemberFor(person) is null) throw new ResourceNotFound("family");
        RequireRelation(family, child, Relation.Child);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (!Consents.Required(family, child, childBirthDate, day).Contains(person))
            throw new NotAllowed(Consents.WhoDecides(child == person, Person.AgeOn(childBirthDate, day)));
        return person;
    }

    /// <summary>Composing the family is for its coordinator and for professionals on legal basis.</summary>
    private static void RequireManager(Family family, Actor actor)
    {
        var member = family.ProfessionalFor(actor.UserId);
        if (member is null) throw new ResourceNotFound("family");
        if (family.Coordinator != actor.UserId && member.Basis != MembershipBasis.LegalBasis)
            throw new NotAllowed("Alleen de regisseur of een professional op wettelijke grondslag wijzigt de samenstelling van het gezin.");
    }

    private static void RequireRelation(Family family, PersonId person, Relation relation)
    {
        if (family.MemberFor(person)?.Relation != relation)
            throw new DomainRuleViolation("family.not-a-" + relation.ToString().ToLowerInvariant(), $"Deze persoon heeft niet de relatie {relation.ToString().ToLowerInvariant()} tot het gezin.");
    }
}
