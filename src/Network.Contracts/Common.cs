namespace Network.Contracts;

/// <summary>A reason code with its parameters; <see cref="Texts.Catalog"/> renders it in Dutch or English.</summary>
public sealed record ReasonView(string Code, IReadOnlyDictionary<string, string> Args)
{
    public static ReasonView From(Network.Domain.Common.Reason reason) => new(reason.Code, reason.Args);

    public static IReadOnlyList<ReasonView> From(IEnumerable<Network.Domain.Common.Reason> reasons) => [.. reasons.Select(From)];
}

/// <summary>A person as a reference: id and display name.</summary>
public sealed record PersonRef(Guid PersonId, string Name);
