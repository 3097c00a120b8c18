namespace Network.Contracts;

/// <summary>The caller's own account as the access token states it.</summary>
public sealed record MeView(Guid UserId, string Name, string Role, Guid? OrganisationId, string? Organisation, Guid? PersonId);
