namespace Network.Contracts;

/// <summary>Where something new belongs on the home: a message or document, a change in the plan, an appointment, a decision on a proposal.</summary>
public enum HomeSection
{
    Item,
    PlanChange,
    Appointment,
    Decision,
}

/// <summary>One thing new since the caller's last visit, readable by them now; <see cref="Link"/> opens it in one tap.</summary>
public sealed record HomeNewEntry(
    Guid ItemId, Guid FamilyId, string FamilyName, HomeSection Section, ItemKind Kind, string Summary, string ByName, DateTimeOffset At, string Link);

/// <summary>What is new since <see cref="Since"/> (the caller's previous visit; the last two weeks on a first visit).</summary>
public sealed record HomeNewView(DateTimeOffset Since, bool FirstVisit, IReadOnlyList<HomeNewEntry> Entries);

/// <summary>A plan version the caller's agreement is awaited on.</summary>
public sealed record HomeAgreementAsked(Guid FamilyId, string FamilyName, Guid VersionItemId, int Number, DateTimeOffset PublishedAt, string ByName);

/// <summary>A professional waiting for the caller's consent for a child.</summary>
public sealed record HomeConsentAsked(Guid FamilyId, string FamilyName, Guid ProfessionalId, string ProfessionalName, string? Organisation, Guid ChildId, string ChildName);

/// <summary>A family member's proposal for the plan that the caller (a professional who writes the plan) may accept or decline.</summary>
public sealed record HomeProposalAsked(Guid FamilyId, string FamilyName, Guid ItemId, string Summary, string ByName, DateTimeOffset At);

/// <summary>
/// What is asked of the caller besides their actions (<c>/api/my/actions</c>): plan versions to agree to, consent to give
/// (family members), proposals to decide on (professionals).
/// </summary>
public sealed record HomeAskedView(
    IReadOnlyList<HomeAgreementAsked> Agreements, IReadOnlyList<HomeConsentAsked> Consents, IReadOnlyList<HomeProposalAsked>? Proposals = null);

/// <summary>Whether the caller gets a daily e-mail when there is something new for them.</summary>
public sealed record DigestView(bool Daily);

public sealed record DigestRequest(bool? Daily);
