namespace Network.Contracts;

/// <summary>An organisation as its administrators see it.</summary>
public sealed record OrganisationAdminView(Guid OrganisationId, string Name, OrganisationType Type, bool Active);

public sealed record CreateOrganisationRequest(string? Name, OrganisationType? Type, string? Reason);

public sealed record RenameOrganisationRequest(string? Name, string? Reason);

/// <summary>Why: every change to an organisation or account says it.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>An account as functional administrators see it: who, what role, where, in which state. No case content.</summary>
public sealed record AccountView(
    Guid UserId, string Name, string Email, ActorRole Role, Guid? OrganisationId, string? Organisation, Guid? PersonId,
    AccountState State, bool TwoFactor);

public enum AccountState
{
    /// <summary>Created or invited; the link or code has not been used yet.</summary>
    Invited,
    Active,
    Deactivated,
}

public sealed record CreateProfessionalRequest(string? Name, string? Email, Guid? OrganisationId, ActorRole? Role, string? Reason);

public sealed record ChangeRoleRequest(ActorRole? Role, string? Reason);

/// <summary>A professional invites a family member of a family they work with to an account.</summary>
public sealed record InviteFamilyMemberRequest(Guid? PersonId, string? Email);

/// <summary>
/// The invitation just sent: the code is shown once, to hand over on paper; the e-mail carries the link.
/// </summary>
public sealed record InvitationView(Guid UserId, Guid PersonId, string Name, string Email, ActorRole Role, string Code, DateTimeOffset ExpiresAt);

/// <summary>One's own account: name, e-mail, role, whether two-factor is on, and where to change what.</summary>
public sealed record MyAccountView(string Name, string Email, ActorRole Role, string? Organisation, bool TwoFactor, bool TwoFactorRequired, string AccountPagesUrl);

public enum ImportOutcome
{
    Create,
    Unchanged,
    Rejected,
}

/// <summary>One line of an import: what it would do (dry run) or did, or why it is rejected (code and words).</summary>
public sealed record ImportRowView(int Line, string Kind, string Name, ImportOutcome Outcome, string? Code, string? Message);

public sealed record ImportResultView(bool DryRun, int Created, int Unchanged, int Rejected, IReadOnlyList<ImportRowView> Rows);

/// <summary>A CSV file's text, sent as JSON (the API also takes text/csv as it is).</summary>
public sealed record ImportRequest(string? Csv);
