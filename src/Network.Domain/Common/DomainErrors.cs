namespace Network.Domain.Common;

/// <summary>A command broke a rule of the domain (answers 409). The code names the rule; the texts are the Web's and the API's.</summary>
public sealed class DomainRuleViolation(Reason reason) : Exception(reason.ToString())
{
    public DomainRuleViolation(string code, params (string Key, object? Value)[] args) : this(Reason.Of(code, args)) { }

    public Reason Reason { get; } = reason;
    public string Code => Reason.Code;
}

/// <summary>
/// The actor may not know the resource exists, or it does not exist (answers 404:
/// both look the same to the caller).
/// </summary>
public sealed class ResourceNotFound(string resource) : Exception($"{resource} not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The actor may know the resource but may not perform the action (answers 403), with the reasons.</summary>
public sealed class NotAllowed(IReadOnlyList<Reason> reasons) : Exception(string.Join("; ", reasons))
{
    public NotAllowed(string code, params (string Key, object? Value)[] args) : this([Reason.Of(code, args)]) { }

    public IReadOnlyList<Reason> Reasons { get; } = reasons;
}
