using Network.Api.Features.Items;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Consultations;

/// <summary>
/// A consultation as its reader sees it: its children, agenda points and decisions each through
/// the item decision on their own facts (a participant without standing on a child does not see
/// that child's points); people the reader may not know of are not named.
/// </summary>
public static class ConsultationViews
{
    public static ConsultationView? Of(ItemRow row, Actor reader, FamilyContext family, DateTimeOffset now, StandingMemo? memo, FamilySight sight)
    {
        if (row.Details.Consultation is not { } c) return null;
        bool Sees(ItemFacts facts) => Domain.Items.Consultations.Sees(reader, facts, family.Of, family.Table, now, memo);
        bool Knows(PersonId p) => sight.Adults.Contains(p) || sight.Children.Any(s => s.Child == p);
        string? Name(UserId? user, PersonId? person) =>
            person is { } p ? (Knows(p) ? family.NameOf(p) : null)
            : user is { } u && sight.Network.Any(m => m.Professional == u) ? family.Family.ProfessionalFor(u)?.DisplayName : null;

        var a = row.Details.Appointment!;
        var open = !row.Details.Cancelled && !row.EnteredInError;
        var participant = Domain.Items.Consultations.IsParticipant(a, reader);
        var organiser = Domain.Items.Consultations.IsOrganiser(new UserId(row.AuthorId), family.Family, reader);
        var agenda = c.Agenda.Where(p => Sees(Domain.Items.Consultations.FactsOf(p))).ToList();
        var decisions = c.Decisions.Where(d => Sees(Domain.Items.Consultations.FactsOf(d))).ToList();
        var general = new ItemFacts(InformationCategory.General, [], reader.UserId, reader.OrganisationId, Audience.Everyone);
        return new ConsultationView(
            [.. c.Fields.Children.Where(Knows).Select(p => new PersonRef(p.Value, family.NameOf(p)))],
            c.Fields.FamilyLeftOutReason,
            [.. c.Responses.Select(r => (r, Name: Name(r.Person is null ? r.By : null, r.Person))).Where(x => x.Name is not null)
                .Select(x => new ConsultationResponseView(x.r.Person?.Value, x.r.Person is null ? x.r.By.Value : null, x.Name!, x.r.Accepts, x.r.Comment, x.r.At))],
            c.Responses.LastOrDefault(r => r.By == reader.UserId)?.Accepts,
            [.. agenda.Select(p => new AgendaPointView(p.Id, p.Text, p.Category, [.. p.About.Where(Knows).Select(x => new PersonRef(x.Value, family.NameOf(x)))],
                p.PlanItem?.Value, p.ByName, p.At))],
            c.Held is { } h ? new ConsultationHeldView(h.At, [
                .. h.Persons.Where(Knows).Select(p => new ParticipantView(p.Value, null, family.NameOf(p))),
                .. h.Users.Select(u => (u, Name: Name(u, null))).Where(x => x.Name is not null).Select(x => new ParticipantView(null, x.u.Value, x.Name!)),
            ]) : null,
            [.. decisions.Select(d => new DecisionView(d.Id, d.AgendaPoint, d.Text, d.Effect, d.PlanItem?.Value, d.ByName, d.At))],
            MayRespond: open && participant,
            MayManage: open && organiser,
            MayAddPoint: open && c.Held is null && (participant || organiser)
                && ItemPolicy.Decide(reader, ItemAction.Create, general, family.Family, family.BirthDates, family.Table, now, memo).Allowed,
            MayWriteMinutes: open && (organiser || reader.IsProfessional && participant));
    }

    public static MinutesView? MinutesOf(ItemDetails d) => d.Minutes is { } m ? new MinutesView(m.Consultation.Value, m.AgendaPoint) : null;

    public static IReadOnlyList<DecidedInView>? DecidedInOf(ItemDetails d) =>
        d.DecidedIn is { Count: > 0 } links ? [.. links.Select(l => new DecidedInView(l.Consultation.Value, l.On))] : null;
}
