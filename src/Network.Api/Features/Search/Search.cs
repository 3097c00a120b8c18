using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Features.Boards;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Search;

/// <summary>
/// Full-text search (PostgreSQL's Dutch configuration) over the items the caller may read, across
/// their families. Each candidate goes through the item decision before it is counted: what the
/// caller may not read never shows, counts or moves another result. Logged as a search for each
/// person whose items were shown.
/// </summary>
public sealed record SearchItems(
    Actor Actor, string? Query, Guid? FamilyId, Guid? BoardId, InformationCategory? Category, ItemKind? Kind,
    DateTimeOffset? From, DateTimeOffset? To, Guid? AuthorId, int Page) : IQuery<SearchResults>
{
    public const int PageSize = 20;
}

public sealed class SearchItemsValidator : AbstractValidator<SearchItems>
{
    public SearchItemsValidator()
    {
        RuleFor(q => q.Query).Must(q => !string.IsNullOrWhiteSpace(q) && q.Trim().Length >= 2).WithMessage("Zoek op minstens twee tekens.")
            .Must(q => q is null || q.Length <= 200).WithMessage("Zoek op hoogstens 200 tekens.");
        RuleFor(q => q.Page).InclusiveBetween(1, 100).WithMessage("Een pagina is 1 tot 100.");
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From < q.To).WithMessage("De periode begint voor ze eindigt.").OverridePropertyName("From");
    }
}

public sealed class SearchItemsHandler(IQuerySession session, FamilyContexts families, Gate gate, ILogger<SearchItemsHandler> logger)
    : IQueryHandler<SearchItems, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchItems q, CancellationToken ct)
    {
        gate.NothingShown();
        var connected = await families.ConnectedToAsync(q.Actor, ct);
        var readable = connected
            .Where(f => q.FamilyId is null || f.Id.Value == q.FamilyId)
            .Where(f => FamilyPolicy.ReadBoard(q.Actor, f.Family, f.BirthDates, f.Table, gate.Now).Allowed)
            .ToDictionary(f => f.Id.Value);
        var board = q.BoardId;
        if (board is { } b)
        {
            // A board of a family the caller may not read finds nothing, as an unknown one does; the main board holds all the family's items.
            var listing = await session.LoadAsync<BoardListing>(b, ct);
            if (listing is null || !readable.TryGetValue(listing.FamilyId, out var owner) || !listing.ShownTo(q.Actor, owner, gate.Now)) readable.Clear();
            else
            {
                readable = readable.Where(r => r.Key == listing.FamilyId).ToDictionary();
                if (!listing.Themed) board = null;
            }
        }
        logger.LogInformation("Search by {User}: {Families} families, filters {Board} {Category} {Kind} {From} {To} {Author}, page {Page}",
            q.Actor.UserId, readable.Count, q.BoardId, q.Category, q.Kind, q.From, q.To, q.AuthorId, q.Page);
        var skip = (q.Page - 1) * SearchItems.PageSize;
        var (hits, more) = await gate.SearchAsync(q.Actor, readable, q.Query!.Trim(),
            new SearchFilter(board, q.Category, q.Kind, q.From, q.To, q.AuthorId), skip, SearchItems.PageSize, ct);
        return new SearchResults(q.Query!.Trim(),
            [.. hits.Select(h => new SearchHit(h.Row.Id, h.Row.FamilyId, h.Family.Family.Name, h.Row.Boards[0], h.Row.Kind, h.Row.Category, h.Row.AuthorName, h.Row.PostedAt, h.Snippet))],
            more);
    }
}
public static class SearchEndpoint
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (
                string? q, Guid? familyId, Guid? boardId, InformationCategory? category, ItemKind? kind, DateTimeOffset? from, DateTimeOffset? to,
                Guid? authorId, int? page, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchItems(http.User.ToActor(), q, familyId, boardId, category, kind, from, to, authorId, page ?? 1), ct)))
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .WithTags("Search")
            .WithName("SearchItems")
            .WithSummary("Searches the items the caller may read (Dutch full-text), newest first, 20 a page; filters: family, board, category, kind, period, author.")
            .ProducesValidationProblem();
        return app;
    }
}
