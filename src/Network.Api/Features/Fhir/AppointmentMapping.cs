using Hl7.Fhir.Model;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Fhir;

/// <summary>
/// Appointment: each appointment on the family's boards that the caller may read (the board read
/// decided each item), with the family members and professionals taking part as far as the
/// caller may know them.
/// </summary>
internal static class AppointmentMapping
{
    public static IEnumerable<Exported> Map(
        IEnumerable<ItemRow> rows, FamilyView view, FamilyId family, Func<IReadOnlyList<Guid>, IReadOnlyList<SubjectOutcome>> subjects)
    {
        var children = view.Children.Where(c => c.Access == ChildAccess.Full).ToDictionary(c => c.PersonId, c => c.Name);
        var adults = view.Adults.ToDictionary(a => a.PersonId, a => a.Name);
        var professionals = view.Professionals.ToDictionary(p => p.UserId, p => p.Name);
        foreach (var row in rows.Where(r => r.Kind == ItemKind.Appointment && r.Details.Appointment is not null && !r.EnteredInError))
        {
            var a = row.Details.Appointment!;
            var appointment = new Appointment
            {
                Id = row.Id.ToString(),
                Meta = FhirIds.Updated(row.ChangedAt),
                Status = row.Details.Cancelled ? Appointment.AppointmentStatus.Cancelled
                    : a.Start.AddMinutes(a.DurationMinutes) < DateTimeOffset.UtcNow ? Appointment.AppointmentStatus.Fulfilled
                    : Appointment.AppointmentStatus.Booked,
                CancelationReason = row.Details.Cancelled && row.Details.CancelReason is { Length: > 0 } why ? new CodeableConcept { Text = why } : null,
                Description = row.Text,
                Start = a.Start,
                End = a.Start.AddMinutes(a.DurationMinutes),
                MinutesDuration = a.DurationMinutes,
                Created = FhirIds.Date(DateOnly.FromDateTime(row.PostedAt.UtcDateTime)),
                Comment = a.Place is { Length: > 0 } place ? $"Plaats: {place}" : a.VideoLink is { Length: > 0 } link ? $"Video: {link}" : null,
            };
            foreach (var p in a.Persons)
            {
                ResourceReference? actor = children.TryGetValue(p.Value, out var child) ? FhirIds.Patient(p.Value, child)
                    : adults.TryGetValue(p.Value, out var adult) ? FhirIds.Display(adult) : null;
                if (actor is not null)
                    appointment.Participant.Add(new Appointment.ParticipantComponent { Actor = actor, Status = ParticipationStatus.Accepted });
            }
            foreach (var u in a.Users)
                if (professionals.TryGetValue(u.Value, out var name))
                    appointment.Participant.Add(new Appointment.ParticipantComponent { Actor = FhirIds.Display(name), Status = ParticipationStatus.Accepted });
            if (appointment.Participant.Count == 0)
                appointment.Participant.Add(new Appointment.ParticipantComponent { Actor = FhirIds.Display(row.AuthorName), Status = ParticipationStatus.Accepted });

            var persons = a.Persons.Select(p => p.Value).Concat(row.About).Distinct().ToList();
            var patients = persons.Where(children.ContainsKey).ToHashSet();
            if (row.About.Length == 0 && patients.Count == 0) patients = [.. children.Keys];
            yield return new Exported(appointment, family, patients, subjects(persons));
        }
    }
}
