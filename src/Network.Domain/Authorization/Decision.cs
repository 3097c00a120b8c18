using System.Collections.Immutable;

namespace Network.Domain.Authorization;

/// <summary>What the actor tries to do with a board.</summary>
public enum BoardAction
{
    Read,
    PostItem,
}

/// <summary>
/// The outcome of an authorization decision with the reasons that led to it, so any user can
/// ask why they can or cannot do something. <see cref="KnowsItExists"/> is false when the actor
/// has no standing at all: the resource must then look the same as one that does not exist.
/// </summary>
public sealed record Decision(bool Allowed, bool KnowsItExists, ImmutableArray<string> Reasons)
{
    public static Decision Allow(params string[] reasons) => new(true, true, [.. reasons]);
    public static Decision Deny(params string[] reasons) => new(false, true, [.. reasons]);
    public static Decision NoStanding(params string[] reasons) => new(false, false, [.. reasons]);
}
