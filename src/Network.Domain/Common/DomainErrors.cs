namespace Network.Domain.Common;

/// <summary>A command broke a rule of the domain (answers 409).</summary>
public sealed class DomainRuleViolation(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The actor may not know the resource exists, or it does not exist (answers 404:
/// both look the same to the caller).
/// </summary>
public sealed class ResourceNotFound(string resource) : Exception($"{resource} not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The actor may know the resource but may not perform the action (answers 403).</summary>
public sealed class NotAllowed(string reason) : Exception(reason);
