using JasperFx.Events;
using Marten.Events.Aggregation;
using Network.Domain.Boards;
using Network.Domain.Families;

namespace Network.Api.Infrastructure.Marten;

// The domain stays Marten-free: these adapters let Marten build the domain aggregates by
// calling their pure Evolve functions.

public sealed class FamilyProjection : SingleStreamProjection<Family, FamilyId>
{
    public override Family? Evolve(Family? snapshot, FamilyId id, IEvent e) => Family.Evolve(snapshot, e.Data);
}

public sealed class BoardProjection : SingleStreamProjection<Board, BoardId>
{
    public override Board? Evolve(Board? snapshot, BoardId id, IEvent e) => Board.Evolve(snapshot, e.Data);
}

public sealed class ItemProjection : SingleStreamProjection<Item, ItemId>
{
    public override Item? Evolve(Item? snapshot, ItemId id, IEvent e) => Item.Evolve(snapshot, e.Data);
}

public sealed class PersonProjection : SingleStreamProjection<Person, PersonId>
{
    public override Person? Evolve(Person? snapshot, PersonId id, IEvent e) => Person.Evolve(snapshot, e.Data);
}

public sealed class OrganisationProjection : SingleStreamProjection<Organisation, OrganisationId>
{
    public override Organisation? Evolve(Organisation? snapshot, OrganisationId id, IEvent e) => Organisation.Evolve(snapshot, e.Data);
}
