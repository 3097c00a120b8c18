using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Network.Api.Infrastructure.Gate;
using Network.Domain.Items;
using Network.Domain.Plans;

namespace Network.Api.Infrastructure.Marten;

/// <summary>
/// Keeps the item read model (network.items, see Gate/ItemRows) inline, in the transaction that
/// appends the item's events. Each change takes the next position on its family's timeline as the
/// transaction commits (a deferred trigger, in the schema of Gate/ItemRows): the family's row in
/// network.item_positions is locked only during the commit, so positions within a family are
/// handed out in commit order and a reader who saw position N has seen everything before it.
/// The numbers come from one sequence for the whole region, so a gap tells a reader nothing about
/// items of the family they may not see. Concurrent posts on one board wait a moment for each
/// other; none fails.
/// </summary>
public sealed class ItemRowsProjection : EventProjection
{
    public ItemRowsProjection()
    {
        IncludeType<ItemPosted>();
        IncludeType<ItemCorrected>();
        IncludeType<ItemEnteredInError>();
        IncludeType<ItemShownOnBoard>();
        IncludeType<GoalScaled>();
        IncludeType<ActionStatusSet>();
        IncludeType<PlanItemRevised>();
        IncludeType<ProposalAccepted>();
        IncludeType<ProposalDeclined>();
        IncludeType<DocumentVersionAdded>();
        IncludeType<AppointmentChanged>();
        IncludeType<AppointmentCancelled>();
        IncludeType<ReplyPosted>();
        IncludeType<ConsultationResponded>();
        IncludeType<AgendaPointAdded>();
        IncludeType<ConsultationHeld>();
        IncludeType<DecisionRecorded>();
        IncludeType<DecidedInConsultation>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ItemPosted p:
                operations.QueueSqlCommand("""
                    insert into network.items (id, family_id, boards, position, version, kind, author_id, author_name, author_role,
                        author_organisation, author_organisation_name, text, category, about, audience, named, assigned_to,
                        for_network, posted_at, changed_at, assigned_persons, details, starts_at, participants)
                    values (?, ?, array[?]::uuid[], 0, 1, ?, ?, ?, ?, nullif(?, '00000000-0000-0000-0000-000000000000')::uuid,
                        nullif(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::timestamptz, ?::uuid[])
                    """,
                    p.ItemId.Value, p.FamilyId.Value, p.BoardId.Value, p.Kind.ToString(), p.AuthorId.Value,
                    p.AuthorName, p.AuthorRole.ToString(), (p.AuthorOrganisation?.Value ?? Guid.Empty).ToString(),
                    p.AuthorOrganisationName ?? "", p.Text, p.Category.ToString(), Ids(p.About), p.Audience.Kind.ToString(),
                    Ids(p.Audience.Named), Ids(p.AssignedTo), p.ForNetwork, p.At, p.At, Ids(p.AssignedPersons), ItemDetails.Of(p).ToJson(),
                    (object?)p.Appointment?.Start ?? DBNull.Value, Participants(p.Appointment));
                break;
            case DocumentVersionAdded d:
                Update(operations, d.ItemId, d.At,
                    "details = i.details || jsonb_build_object('document', ?::jsonb, 'documentVersions', coalesce(i.details->'documentVersions', '[]'::jsonb) || jsonb_build_array(jsonb_build_object('version', jsonb_array_length(coalesce(i.details->'documentVersions', '[]'::jsonb)) + 1, 'file', ?::jsonb, 'at', ?::jsonb, 'byName', ?::text)))",
                    Json(d.File), Json(d.File), Json(d.At), d.ByName);
                break;
            case AppointmentChanged { Consultation: { } fields } a:
                Update(operations, a.ItemId, a.At,
                    "text = ?, corrected = true, starts_at = ?, participants = ?, details = i.details || jsonb_build_object('appointment', ?::jsonb, 'sequence', coalesce((i.details->>'sequence')::int, 0) + 1, 'consultation', jsonb_set(i.details->'consultation', '{fields}', ?::jsonb))",
                    a.Title, a.Appointment.Start, Participants(a.Appointment), Json(a.Appointment), Json(fields));
                break;
            case ConsultationResponded r:
                Update(operations, r.ItemId, r.At,
                    "details = jsonb_set(i.details, '{consultation,responses}', coalesce((select jsonb_agg(x) from jsonb_array_elements(i.details->'consultation'->'responses') x where x->'by' <> ?::jsonb), '[]'::jsonb) || ?::jsonb)",
                    Json(r.By), Json(new[] { new ConsultationResponse(r.By, r.Person, r.ByName, r.Accepts, r.Comment, r.At) }));
                break;
            case AgendaPointAdded p:
                Update(operations, p.ItemId, p.Point.At,
                    "details = jsonb_set(i.details, '{consultation,agenda}', coalesce(i.details->'consultation'->'agenda', '[]'::jsonb) || ?::jsonb)",
                    Json(new[] { p.Point }));
                break;
            case ConsultationHeld h:
                Update(operations, h.ItemId, h.At, "details = jsonb_set(i.details, '{consultation,held}', ?::jsonb)", Json(h));
                break;
            case DecisionRecorded d:
                Update(operations, d.ItemId, d.Decision.At,
                    "details = jsonb_set(i.details, '{consultation,decisions}', coalesce(i.details->'consultation'->'decisions', '[]'::jsonb) || ?::jsonb)",
                    Json(new[] { d.Decision }));
                break;
            case DecidedInConsultation l:
                Update(operations, l.ItemId, l.At, "details = jsonb_set(i.details, '{decidedIn}', coalesce(i.details->'decidedIn', '[]'::jsonb) || ?::jsonb)",
                    Json(new[] { l }));
                break;
            case AppointmentChanged a:
                Update(operations, a.ItemId, a.At,
                    "text = ?, corrected = true, starts_at = ?, participants = ?, details = i.details || jsonb_build_object('appointment', ?::jsonb, 'sequence', coalesce((i.details->>'sequence')::int, 0) + 1)",
                    a.Title, a.Appointment.Start, Participants(a.Appointment), Json(a.Appointment));
                break;
            case AppointmentCancelled c:
                Update(operations, c.ItemId, c.At,
                    "details = i.details || jsonb_build_object('cancelled', true, 'cancelReason', nullif(?::text, ''), 'sequence', coalesce((i.details->>'sequence')::int, 0) + 1)",
                    c.Reason ?? "");
                break;
            case ReplyPosted r:
                Update(operations, r.ItemId, r.At, "details = jsonb_set(i.details, '{replies}', coalesce(i.details->'replies', '[]'::jsonb) || ?::jsonb)",
                    Json(new[] { new ReplyEntry(r.ReplyId, r.By.Value, r.ByName, r.ByRole, r.Text, r.At) }));
                break;
            case ItemCorrected c:
                Update(operations, c.ItemId, c.At, "text = ?, corrected = true", c.Text);
                break;
            case ItemEnteredInError x:
                Update(operations, x.ItemId, x.At, "entered_in_error = true, error_reason = ?", x.Reason);
                break;
            case GoalScaled g:
                Update(operations, g.ItemId, g.At, "details = jsonb_set(i.details, '{scales}', coalesce(i.details->'scales', '[]'::jsonb) || ?::jsonb)",
                    Json(new[] { g.Point }));
                break;
            case ActionStatusSet a:
                Update(operations, a.ItemId, a.At, "details = i.details || ?::jsonb", Json(new { status = a.Status, statusReason = a.Reason }));
                break;
            case PlanItemRevised r:
                Update(operations, r.ItemId, r.At,
                    "text = ?, corrected = true, for_network = ?, assigned_to = ?, assigned_persons = ?, details = i.details - 'target' - 'due' - 'owner' || ?::jsonb",
                    r.Text, r.ForNetwork, r.Owner?.User is { } u ? new[] { u.Value } : Array.Empty<Guid>(),
                    r.Owner?.Person is { } person ? new[] { person.Value } : Array.Empty<Guid>(), Json(new { target = r.Target, due = r.Due, owner = r.Owner }));
                break;
            case ProposalAccepted a:
                Update(operations, a.ItemId, a.At, "details = i.details || ?::jsonb", Json(new { proposal = ProposalState.Accepted, proposalReason = a.Reason }));
                break;
            case ProposalDeclined d:
                Update(operations, d.ItemId, d.At, "details = i.details || ?::jsonb", Json(new { proposal = ProposalState.Declined, proposalReason = d.Reason }));
                break;
            case ItemShownOnBoard s:
                Update(operations, s.ItemId, s.At, "boards = array_append(array_remove(i.boards, ?), ?)", s.BoardId.Value, s.BoardId.Value);
                break;
        }
        return ValueTask.CompletedTask;
    }

    private static void Update(IDocumentOperations operations, ItemId item, DateTimeOffset at, string set, params object[] values) =>
        operations.QueueSqlCommand($"""
            update network.items i set {set}, version = i.version + 1, position = 0, changed_at = ? where i.id = ?
            """,
            [.. values, at, item.Value]);

    private static Guid[] Participants(AppointmentFields? a) =>
        a is null ? [] : [.. Ids(a.Persons), .. Ids(a.Users)];

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ItemDetails.Json);

    private static Guid[] Ids<T>(ImmutableArray<T> ids) where T : struct =>
        ids.IsDefault ? [] : [.. ids.Select(i => i switch { PersonId p => p.Value, UserId u => u.Value, _ => Guid.Empty })];
}
