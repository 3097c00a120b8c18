namespace Network.Web.Components.Boards;

/// <summary>
/// What an author chooses for any new item: its category, who it is about and its audience. With
/// the board's <see cref="ComposerView"/> only what the caller may use is offered.
/// </summary>
public sealed class DraftFacts
{
    public InformationCategory Category { get; set; } = InformationCategory.General;

    /// <summary>The chosen audience as the select holds it: empty for the category's default.</summary>
    public string Audience { get; set; } = "";

    public HashSet<Guid> About { get; } = [];

    public HashSet<Guid> Named { get; } = [];

    public AudienceKind? AudienceKind => Enum.TryParse<AudienceKind>(Audience, out var kind) ? kind : null;

    /// <summary>The named people go only with the audience "named people".</summary>
    public IReadOnlyList<Guid> NamedList => AudienceKind == Network.Domain.Authorization.AudienceKind.NamedPeople ? [.. Named] : [];

    /// <summary>After posting: the audience (and the named people) go back to the category's default.</summary>
    public void ResetAudience()
    {
        Audience = "";
        Named.Clear();
    }

    /// <summary>Every category one writes items in (a secret address is a fact of a placement, not an item), when the API gives no composer.</summary>
    public static readonly IReadOnlyList<InformationCategory> AllCategories =
        [.. Enum.GetValues<InformationCategory>().Where(c => c != InformationCategory.SecretAddress)];

    public static readonly IReadOnlyList<AudienceKind> AllAudiences =
        [Network.Domain.Authorization.AudienceKind.Everyone, Network.Domain.Authorization.AudienceKind.Professionals,
         Network.Domain.Authorization.AudienceKind.OwnOrganisation];

    public IReadOnlyList<InformationCategory> Categories(ComposerView? composer) =>
        composer is null ? AllCategories : [.. composer.Categories.Select(c => c.Category)];

    public IReadOnlyList<AudienceKind> Audiences(ComposerView? composer) =>
        composer?.Categories.FirstOrDefault(c => c.Category == Category) is { } allowed ? allowed.Audiences : composer is null ? AllAudiences : [];

    public AudienceKind? DefaultAudience(ComposerView? composer) =>
        composer?.Categories.FirstOrDefault(c => c.Category == Category)?.DefaultAudience;

    /// <summary>Keeps the choice within what the composer allows: the first category it offers, an audience the category allows.</summary>
    public void Fit(ComposerView? composer)
    {
        var categories = Categories(composer);
        if (categories.Count > 0 && !categories.Contains(Category)) Category = categories[0];
        if (AudienceKind is { } chosen && !Audiences(composer).Contains(chosen)) ResetAudience();
    }
}
