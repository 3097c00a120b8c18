using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Boards.GetTimeline;

/// <summary>
/// What the reader may post on a board, from the same decision a post takes: each category they
/// may write about the family as a whole, and for it the audiences they may choose. A closed board
/// and a reader who may not write anything get no categories (the screen shows no composer).
/// </summary>
public static class Composer
{
    public static ComposerView For(Actor actor, BoardContext board, FamilySight sight, DateTimeOffset now, StandingMemo memo)
    {
        var f = board.Family;
        bool May(InformationCategory category, Audience audience) => ItemPolicy.Decide(actor, ItemAction.Create,
            new ItemFacts(category, [], actor.UserId, actor.OrganisationId, audience), f.Family, f.BirthDates, f.Table, now, memo).Allowed;

        var categories = new List<ComposerCategory>();
        if (!board.Board.Closed)
            foreach (var category in Enum.GetValues<InformationCategory>().Where(c => c != InformationCategory.Plan))
            {
                var byDefault = Audience.DefaultFor(category);
                if (!May(category, byDefault)) continue;
                var audiences = Enum.GetValues<AudienceKind>()
                    .Where(kind => May(category, new Audience(kind, kind == AudienceKind.NamedPeople ? [actor.UserId] : [])))
                    .ToList();
                categories.Add(new ComposerCategory(category, byDefault.Kind, audiences));
            }
        var about = sight.Children.Where(c => c.Full).Select(c => new PersonRef(c.Child.Value, f.NameOf(c.Child))).ToList();
        var named = sight.Network
            .Where(m => m.Professional != actor.UserId)
            .Select(m => f.Family.ProfessionalFor(m.Professional))
            .OfType<NetworkMember>()
            .Select(m => new Reader(m.UserId.Value, m.DisplayName, m.Role))
            .ToList();
        return new ComposerView(categories, about, named, categories.Count > 0, !board.Board.Closed && May(InformationCategory.Plan, Audience.Everyone));
    }
}
