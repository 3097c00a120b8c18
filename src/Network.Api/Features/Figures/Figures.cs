using Marten;
using Marten.Events;
using Mediator;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Domain.Figures;

namespace Network.Api.Features.Figures;

/// <summary>
/// Aggregate figures per municipality of responsibility and month, for contract managers only,
/// computed from the events of every family and its children; cells under the threshold
/// (<c>Network:Figures:Threshold</c>, default 5) are suppressed before anything leaves. Logged
/// (one entry, about nobody in particular) as a read or, for the CSV, an export.
/// </summary>
public sealed record GetFigures(Actor Actor, AccessAction Action = AccessAction.Read) : IQuery<FiguresReport>;

public sealed class FiguresOptions
{
    public int Threshold { get; set; } = MunicipalityFigures.DefaultThreshold;
}

public sealed class GetFiguresHandler(IQuerySession session, Gate gate, Microsoft.Extensions.Options.IOptions<FiguresOptions> options)
    : IQueryHandler<GetFigures, FiguresReport>
{
    public async ValueTask<FiguresReport> Handle(GetFigures q, CancellationToken ct)
    {
        gate.Require(q.Actor, q.Action, "figures", null, FiguresPolicy.ReadFigures(q.Actor));
        var threshold = Math.Max(1, options.Value.Threshold);
        var (families, people) = await FigureSources.HistoriesAsync(session, ct);
        var appointments = await FigureSources.AppointmentsAsync(session, ct);
        var counts = MunicipalityFigures.Compute(families, people, appointments, gate.Now);
        int? Cell(int n) => MunicipalityFigures.Cell(n, threshold);
        var rows = counts.OrderByDescending(c => c.Month).ThenBy(c => c.Municipality, StringComparer.Ordinal).Select(c => new FigureRow(
            c.Municipality, c.Month.ToString("yyyy-MM"), Cell(c.Families), Cell(c.Children),
            [.. c.ChildrenByFramework.OrderBy(p => p.Key).Select(p => new FrameworkCount(p.Key, Cell(p.Value)))],
            [.. c.MeasuresStarted.OrderBy(p => p.Key).Select(p => new MeasureCount(p.Key, Cell(p.Value)))],
            [.. c.MeasuresEnded.OrderBy(p => p.Key).Select(p => new MeasureCount(p.Key, Cell(p.Value)))],
            Cell(c.ConsentsFirstGiven) is null ? null : c.AverageDaysToFirstConsent,
            Cell(c.Consultations))).ToList();
        return new FiguresReport(threshold, gate.Now, rows);
    }
}

/// <summary>
/// The children whose municipality of responsibility changed, with the day and the registry fact,
/// for every child in the caller's families whose administrative facts the table lets them read;
/// logged per child as a read or, for the CSV, an export.
/// </summary>
public sealed record GetMunicipalityChanges(Actor Actor, AccessAction Action = AccessAction.Read) : IQuery<MunicipalityChangesView>;

public sealed class GetMunicipalityChangesHandler(IQuerySession session, FamilyContexts families, Gate gate)
    : IQueryHandler<GetMunicipalityChanges, MunicipalityChangesView>
{
    public async ValueTask<MunicipalityChangesView> Handle(GetMunicipalityChanges q, CancellationToken ct)
    {
        gate.Require(q.Actor, q.Action, "municipality-changes", null, FiguresPolicy.ListChanges(q.Actor));
        var rows = new List<MunicipalityChangeRow>();
        foreach (var f in await families.ConnectedToAsync(q.Actor, ct))
        {
            var sight = FamilyPolicy.See(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now);
            if (!sight.Decision.Allowed) continue;
            var readable = sight.Children.Where(c => c.Of(InformationCategory.Administrative) == Sight.Full).Select(c => c.Child).ToList();
            if (readable.Count == 0) continue;
            var familyEvents = (await session.Events.FetchStreamAsync(f.Id.Value, token: ct)).Select(e => e.Data).ToList();
            foreach (var child in readable)
            {
                var personEvents = (await session.Events.FetchStreamAsync(child.Value, token: ct)).Select(e => e.Data).ToList();
                var changes = ResponsibilityChanges.Of(child, f.Id, personEvents, familyEvents);
                if (changes.Count == 0) continue;
                gate.Record(q.Actor, q.Action, "municipality-changes", f.Id,
                    sight.Decision.Subjects.Where(s => s.Person == child).DefaultIfEmpty(new SubjectOutcome(child, AccessBasis.None, true)));
                rows.AddRange(changes.Select(c => new MunicipalityChangeRow(
                    c.To ?? MunicipalityFigures.Unknown, child.Value, f.NameOf(child), f.BirthDates.TryGetValue(child, out var born) ? born : null,
                    f.Id.Value, f.Family.Name, c.On, c.From, c.To, c.Fact)));
            }
        }
        return new MunicipalityChangesView([.. rows.OrderBy(r => r.Municipality, StringComparer.Ordinal).ThenByDescending(r => r.On)]);
    }
}

/// <summary>Reads the events the figures are computed from.</summary>
internal static class FigureSources
{
    /// <summary>The events a family's figures need, of every family, and the registry events of every child: two queries.</summary>
    private static readonly Type[] FamilyEvents =
    [
        typeof(FamilyRegistered), typeof(FamilyMemberAdded), typeof(ConsentGiven), typeof(ConsentRecordedOnBehalf),
        typeof(MeasureRecorded), typeof(MeasureEnded), typeof(PlacementStarted), typeof(PlacementEnded),
    ];

    private static readonly Type[] PersonEvents = [typeof(PersonRegistered), typeof(PersonDetailsCorrected), typeof(PersonMergedInto), typeof(PersonAbsorbed)];

    public static async Task<(IReadOnlyList<FamilyHistory> Families, IReadOnlyDictionary<PersonId, IReadOnlyList<object>> People)> HistoriesAsync(
        IQuerySession session, CancellationToken ct)
    {
        var familyEvents = await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(FamilyEvents)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var families = familyEvents.GroupBy(e => e.StreamId)
            .Select(g => new FamilyHistory(new FamilyId(g.Key), [.. g.Select(e => e.Data)]))
            .Where(f => f.Events.FirstOrDefault() is FamilyRegistered)
            .ToList();
        var children = families.SelectMany(f => f.Events.OfType<FamilyMemberAdded>()).Where(m => m.Relation == Relation.Child)
            .Select(m => m.PersonId.Value).ToHashSet();
        var personEvents = await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(PersonEvents)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var people = personEvents.Where(e => children.Contains(e.StreamId)).GroupBy(e => e.StreamId)
            .ToDictionary(g => new PersonId(g.Key), g => (IReadOnlyList<object>)[.. g.Select(e => e.Data)]);
        return (families, people);
    }

    public static async Task<IReadOnlyList<AppointmentFact>> AppointmentsAsync(IQuerySession session, CancellationToken ct)
    {
        // Case consultations: counted once recorded as held, about the children they were about.
        var posted = await session.Events.QueryRawEventDataOnly<ItemPosted>().Where(p => p.Kind == ItemKind.Consultation).ToListAsync(ct);
        var changed = await session.Events.QueryRawEventDataOnly<AppointmentChanged>().ToListAsync(ct);
        var held = (await session.Events.QueryRawEventDataOnly<ConsultationHeld>().ToListAsync(ct)).Select(c => c.ItemId).ToHashSet();
        var inError = (await session.Events.QueryRawEventDataOnly<ItemEnteredInError>().ToListAsync(ct)).Select(c => c.ItemId).ToHashSet();
        return [.. posted.Where(p => p.Appointment is not null && !inError.Contains(p.ItemId)).Select(p =>
        {
            var last = changed.Where(c => c.ItemId == p.ItemId).MaxBy(c => c.At);
            var fields = last?.Appointment ?? p.Appointment!;
            var children = last?.Consultation?.Children ?? p.Consultation?.Children ?? p.About;
            return new AppointmentFact(p.FamilyId, children, fields.Start, fields.DurationMinutes, !held.Contains(p.ItemId));
        })];
    }
}
