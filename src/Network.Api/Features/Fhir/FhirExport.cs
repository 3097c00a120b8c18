using Hl7.Fhir.Model;
using Marten;
using Mediator;
using Network.Api.Features.AccessLog;
using Network.Api.Features.Families;
using Network.Api.Features.Plans;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Fhir;

/// <summary>
/// A FHIR read (<see cref="Id"/>), search, or a patient's <c>$everything</c>, answered from the same
/// gated views the screens show: the family view (Patient, RelatedPerson, Group, CareTeam,
/// Consent), the plan view (CarePlan, Goal), "Wie keek mee?" (AuditEvent) and the board read
/// (Appointment). Each resource returned is logged as an export, per person it shows.
/// </summary>
public sealed record FhirExport(Actor Actor, string Type, string? Id, FhirSearch Search, bool Everything = false) : IQuery<Resource>;

public sealed class FhirExportHandler(IQuerySession session, FamilyContexts families, Gate gate, AccessLogVisits visits)
    : IQueryHandler<FhirExport, Resource>
{
    /// <summary>The resource types the API serves, by the view they come from.</summary>
    public static readonly string[] FamilyTypes = ["Patient", "RelatedPerson", "Group", "CareTeam", "Consent"];
    public static readonly string[] PlanTypes = ["CarePlan", "Goal"];
    public static readonly string[] Types = [.. FamilyTypes, .. PlanTypes, "AuditEvent", "Appointment"];

    public async ValueTask<Resource> Handle(FhirExport q, CancellationToken ct)
    {
        var connected = await families.ConnectedToAsync(q.Actor, ct);
        var found = new List<Exported>();
        if (q.Everything)
        {
            var patient = Guid.TryParse(q.Id, out var p) ? p : Guid.Empty;
            foreach (var f in connected.Where(f => f.Family.Children.Any(c => c.Value == patient)))
            {
                var source = NewSource(q.Actor, f);
                if (!await source.SeesAsync(ct)) continue;
                var own = await source.OfTypeAsync("Patient", ct);
                if (!own.Any(e => e.Id == q.Id)) continue;
                foreach (var type in Types)
                    found.AddRange((await source.OfTypeAsync(type, ct)).Where(e => e.Patients.Contains(patient) || e.Type == "Group"));
            }
            if (!found.Any(e => e.Type == "Patient")) throw Refused(q, $"fhir:Patient/{q.Id}/$everything");
            return Bundle(q, Log(q, found), everything: true);
        }

        foreach (var f in await NarrowAsync(connected, q, ct))
        {
            var source = NewSource(q.Actor, f);
            if (!await source.SeesAsync(ct)) continue;
            // A read by id looks at the patients' family only where it can tell: every family otherwise.
            found.AddRange((await source.OfTypeAsync(q.Type, ct)).Where(e => (q.Id is null || e.Id == q.Id) && q.Search.Matches(e)));
        }
        if (q.Id is not null)
        {
            if (found.FirstOrDefault() is not { } one) throw Refused(q, $"fhir:{q.Type}/{q.Id}");
            Log(q, [one]);
            return one.Resource;
        }
        return Bundle(q, Log(q, found), everything: false);
    }

    /// <summary>
    /// The families a read or search can concern, so that no other family's plan or board is read
    /// (and logged) for it: the family itself (Group, CarePlan), the family of an item (Goal,
    /// Appointment: from the item's first event), the families of the patients asked for.
    /// </summary>
    private async Task<IEnumerable<FamilyContext>> NarrowAsync(IReadOnlyList<FamilyContext> connected, FhirExport q, CancellationToken ct)
    {
        IEnumerable<FamilyContext> result = connected;
        var children = q.Search.Patients.ToList();
        if (q.Id is not null && Guid.TryParse(q.Id, out var id))
        {
            if (q.Type is "Group" or "CarePlan") result = result.Where(f => f.Id.Value == id);
            else if (q.Type is "Patient" or "CareTeam") children.Add(id);
            else if (q.Type is "Goal" or "Appointment")
            {
                var first = (await session.Events.FetchStreamAsync(id, version: 1, token: ct)).FirstOrDefault()?.Data as ItemPosted;
                result = result.Where(f => f.Id == first?.FamilyId);
            }
        }
        return children.Count == 0 ? result : result.Where(f => f.Family.Children.Any(c => children.Contains(c.Value)));
    }

    /// <summary>Unknown or not visible: one refused entry about nobody (what was asked for may not exist), then 404.</summary>
    private ResourceNotFound Refused(FhirExport q, string resource)
    {
        gate.Record(q.Actor, AccessAction.Export, resource, null, [new SubjectOutcome(null, AccessBasis.None, false)]);
        return gate.NotFound(resource);
    }

    private List<Exported> Log(FhirExport q, List<Exported> exported)
    {
        var distinct = exported.DistinctBy(e => (e.Type, e.Id)).ToList();
        // A search that found nothing the caller may see is an export of nothing: logged, about nobody.
        if (distinct.Count == 0) gate.Record(q.Actor, AccessAction.Export, $"fhir:{q.Type}", null, [new SubjectOutcome(null, AccessBasis.None, true)]);
        foreach (var e in distinct)
            gate.Record(q.Actor, AccessAction.Export, $"fhir:{e.Type}/{e.Id}", e.Family, e.Subjects);
        return distinct;
    }

    private Bundle Bundle(FhirExport q, List<Exported> resources, bool everything) => new()
    {
        Id = Guid.CreateVersion7().ToString(),
        Meta = FhirIds.Updated(gate.Now),
        Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset,
        Total = resources.Count,
        Link = [new Bundle.LinkComponent { Relation = "self", Url = everything ? $"Patient/{q.Id}/$everything" : q.Type }],
        Entry = [.. resources.Select(e => new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{e.Id}" is var urn && Guid.TryParse(e.Id, out _) ? $"{e.Type}/{e.Id}" : urn,
            Resource = e.Resource,
            Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match },
        })],
    };

    private Source NewSource(Actor actor, FamilyContext f) => new(new Services(session, families, gate, visits), actor, f);

    private sealed record Services(IQuerySession session, FamilyContexts families, Gate gate, AccessLogVisits visits);

    /// <summary>One family's resources for one caller, each view read once and only when asked for.</summary>
    private sealed class Source(Services h, Actor actor, FamilyContext f)
    {
        private FamilySight? sight;
        private FamilyView? view;
        private DateTimeOffset updated;
        private readonly Dictionary<string, List<Exported>> byType = [];
        private IReadOnlySet<Guid> Children => view!.Children.Where(c => c.Access == ChildAccess.Full).Select(c => c.PersonId).ToHashSet();

        /// <summary>The family decision: a family the caller has no standing in gives nothing (and is not logged: it was not asked for).</summary>
        public async Task<bool> SeesAsync(CancellationToken ct)
        {
            sight = FamilyPolicy.See(actor, f.Family, f.BirthDates, f.Table, h.gate.Now);
            if (!sight.Decision.Allowed) return false;
            view = FamilyViews.Build(f, sight, actor, h.gate.Now, []);
            updated = (await h.session.Events.FetchStreamStateAsync(f.Id.Value, ct))?.LastTimestamp ?? h.gate.Now;
            return view.Children.Any(c => c.Access == ChildAccess.Full) || sight.SeesFamily;
        }

        private IReadOnlyList<SubjectOutcome> Subjects(Guid person)
        {
            var own = sight!.Decision.Subjects.Where(s => person == Guid.Empty ? s.Person is null : s.Person?.Value == person).ToList();
            return own.Count > 0 ? own : [new SubjectOutcome(person == Guid.Empty ? null : new PersonId(person), AccessBasis.None, true)];
        }

        private IReadOnlyList<SubjectOutcome> Subjects(IReadOnlyList<Guid> persons) =>
            persons.Count == 0 ? Subjects(Guid.Empty) : [.. persons.SelectMany(Subjects)];

        public async Task<IReadOnlyList<Exported>> OfTypeAsync(string type, CancellationToken ct)
        {
            if (byType.TryGetValue(type, out var known)) return known;
            if (FamilyTypes.Contains(type))
            {
                var withdrawals = await WithdrawalsAsync(ct);
                var all = PatientMapping.Map(view!, f.Id, sight!.SeesFamily, Subjects, updated)
                    .Concat(CareTeamMapping.Map(view!, f.Family, Subjects, updated))
                    .Concat(ConsentMapping.Map(view!, f.Family, withdrawals, Subjects, updated));
                foreach (var t in FamilyTypes) byType[t] = [];
                foreach (var e in all) byType[e.Type].Add(e);
            }
            else if (PlanTypes.Contains(type))
            {
                foreach (var t in PlanTypes) byType[t] = [];
                if (sight!.SeesFamily)
                {
                    try
                    {
                        var read = await h.gate.ReadPlanAsync(actor, f, ct);
                        var plan = PlanViews.Build(actor, f, [.. read.Rows.Select(r => r.Row)], null, h.gate.Now);
                        foreach (var e in CarePlanMapping.Map(plan, f.Id, Children, Subjects)) byType[e.Type].Add(e);
                    }
                    catch (Exception e) when (e is ResourceNotFound or NotAllowed)
                    {
                        // The plan is not for this caller (the refusal is in the log): nothing of it in the export.
                    }
                }
            }
            else if (type == "AuditEvent")
            {
                var log = AccessLogPolicy.See(actor, f.Family, f.BirthDates, f.Table, h.gate.Now);
                byType[type] = log.Decision.Allowed
                    ? [.. AuditEventMapping.Map(await h.visits.ReadAsync(f, log, null, null, null, 200, ct), f.Id, Children, Subjects)]
                    : [];
            }
            else if (type == "Appointment")
            {
                byType[type] = [];
                if (sight!.SeesFamily && await PlanBoards.MainIdAsync(h.session, f.Id, ct) is { } main
                    && await h.families.BoardAsync(main, ct) is { } board)
                {
                    var read = await h.gate.ReadBoardAsync(actor, board, 0, ct);
                    byType[type] = [.. AppointmentMapping.Map(read.Items.Select(i => i.Row), view!, f.Id, Subjects)];
                }
            }
            else byType[type] = [];
            return byType[type];
        }

        /// <summary>Consents withdrawn, from the family's events (the family state keeps only those in force).</summary>
        private async Task<IReadOnlyList<ConsentMapping.Withdrawal>> WithdrawalsAsync(CancellationToken ct)
        {
            var events = await h.session.Events.FetchStreamAsync(f.Id.Value, token: ct);
            var names = new Dictionary<UserId, string>();
            var given = new Dictionary<(UserId, PersonId, PersonId), DateTimeOffset>();
            var result = new List<ConsentMapping.Withdrawal>();
            foreach (var e in events.Select(e => e.Data))
                switch (e)
                {
                    case NetworkMemberAdded m:
                        names[m.Member.UserId] = m.Member.Organisation is { } o ? $"{m.Member.DisplayName} ({o})" : m.Member.DisplayName;
                        break;
                    case ConsentGiven g:
                        given[(g.Professional, g.Child, g.GivenBy)] = g.At;
                        break;
                    case ConsentRecordedOnBehalf g:
                        given[(g.Professional, g.Child, g.GivenBy)] = g.At;
                        break;
                    case ConsentWithdrawn w:
                        result.Add(new(w.Professional, names.GetValueOrDefault(w.Professional, "professional"), w.Child, w.WithdrawnBy,
                            given.TryGetValue((w.Professional, w.Child, w.WithdrawnBy), out var at) ? at : null, w.At));
                        break;
                }
            return result;
        }
    }
}
