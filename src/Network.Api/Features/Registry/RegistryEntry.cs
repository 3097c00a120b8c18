using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Registry;

namespace Network.Api.Features.Registry;

/// <summary>
/// A registry record flattened for search and duplicate checks: folded names (no accents or
/// case), birth date and BSN are indexed so the database narrows before the domain compares.
/// </summary>
public sealed record RegistryEntry(
    Guid Id, string DisplayName, string SearchText, DateOnly DateOfBirth, string? Bsn, string? Municipality, Guid? MergedInto, Guid RegisteredBy);

public sealed class RegistryEntryProjection : SingleStreamProjection<RegistryEntry, Guid>
{
    public override RegistryEntry? Evolve(RegistryEntry? snapshot, Guid id, IEvent e) => e.Data switch
    {
        PersonRegistered r => From(r.PersonId.Value, r.Details, null, r.By.Value),
        PersonDetailsCorrected c when snapshot is not null => From(snapshot.Id, c.Details, snapshot.MergedInto, snapshot.RegisteredBy),
        PersonMergedInto m when snapshot is not null => snapshot with { MergedInto = m.Survivor.Value },
        _ => snapshot,
    };

    private static RegistryEntry From(Guid id, PersonDetails d, Guid? mergedInto, Guid by) => new(
        id, d.Name.Display, DuplicateCheck.Fold($"{d.Name.GivenNames} {d.Name.Prefix} {d.Name.FamilyName}"),
        d.DateOfBirth, d.Bsn, d.Address?.Municipality, mergedInto, by);
}
