namespace Network.Contracts;

/// <summary>
/// One visit in "Wie keek mee?": one user's accesses with no pause longer than half an hour.
/// <see cref="UserName"/> is null for someone outside the family's network ("iemand zonder
/// toegang"); <see cref="Organisation"/> is then still given for a professional.
/// </summary>
public sealed record AccessLogVisit(
    DateTimeOffset From, DateTimeOffset Until, string? UserName, ActorRole Role, string? Organisation,
    IReadOnlyList<AccessBasis> Bases, bool Refused, IReadOnlyList<AccessAction> Actions, IReadOnlyList<string> What,
    IReadOnlyList<PersonRef> Persons, int Entries);

/// <summary>A page of visits, newest first; <see cref="Before"/> asks for the page after it.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogVisit> Visits, DateTimeOffset? Before);

public sealed record ChainCheck(bool Intact, long Entries, int Chains, int Anchors, Guid? BrokenChain, long? FirstBrokenSequence, string? Problem);
