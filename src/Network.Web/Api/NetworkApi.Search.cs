namespace Network.Web.Api;

/// <summary>A search and its filters; empty filters are left out of the query.</summary>
public sealed record SearchQuery(
    string Text, Guid? FamilyId = null, Guid? BoardId = null, InformationCategory? Category = null, ItemKind? Kind = null,
    DateOnly? From = null, DateOnly? To = null, Guid? AuthorId = null, int Page = 1);

public sealed partial class NetworkApi
{
    public Task<ApiResult<SearchResults>> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var parts = new List<string> { $"q={Escape(query.Text)}" };
        if (query.FamilyId is { } family) parts.Add($"familyId={family}");
        if (query.BoardId is { } board) parts.Add($"boardId={board}");
        if (query.Category is { } category) parts.Add($"category={category}");
        if (query.Kind is { } kind) parts.Add($"kind={kind}");
        if (query.From is { } from) parts.Add($"from={Day(from)}");
        if (query.To is { } to) parts.Add($"to={Day(to)}");
        if (query.AuthorId is { } author) parts.Add($"authorId={author}");
        parts.Add($"page={query.Page}");
        return GetAsync<SearchResults>($"api/search?{string.Join('&', parts)}", ct);
    }
}
