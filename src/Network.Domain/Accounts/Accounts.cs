using Network.Domain.Authorization;
using Network.Domain.Common;
using Network.Domain.Families;
using Network.Domain.Registry;

namespace Network.Domain.Accounts;

/// <summary>How an account reached its state; each event carries who did it and why.</summary>
public sealed record ProfessionalAccountCreated(
    UserId UserId, string Name, string Email, ActorRole Role, OrganisationId OrganisationId, UserId By, string? Reason, DateTimeOffset At);
public sealed record FamilyMemberInvited(
    UserId UserId, string Name, string Email, ActorRole Role, PersonId PersonId, FamilyId FamilyId, UserId By, DateTimeOffset At);
public sealed record AccountRoleChanged(UserId UserId, ActorRole From, ActorRole To, UserId By, string Reason, DateTimeOffset At);
public sealed record AccountDeactivated(UserId UserId, UserId By, string Reason, IReadOnlyList<FamilyId> MembershipsEnded, DateTimeOffset At);
public sealed record AccountActivated(UserId UserId, DateTimeOffset At);
public sealed record TwoFactorEnabled(UserId UserId, DateTimeOffset At);
public sealed record TwoFactorReset(UserId UserId, UserId By, string Reason, DateTimeOffset At);
public sealed record ActivationLinkSent(UserId UserId, UserId By, DateTimeOffset At);
public sealed record PasswordChanged(UserId UserId, string How, DateTimeOffset At);
public sealed record OrganisationRenamed(OrganisationId OrganisationId, string Name, UserId By, string Reason, DateTimeOffset At);
public sealed record OrganisationDeactivated(OrganisationId OrganisationId, UserId By, string Reason, DateTimeOffset At);

/// <summary>
/// Who may administer organisations and accounts (functional administrators; they never see case
/// content), and who may invite a family member to an account.
/// </summary>
public static class AccountPolicy
{
    public const string AdministratorsOnly = Reasons.AdministratorsOnly;

    public static Decision Administer(Actor actor) => AdminPolicy.ChangeTable(actor);

    public static bool IsProfessionalRole(ActorRole role) =>
        new Actor(default, "", role).IsProfessional;

    /// <summary>The account role a family member gets from their relation in the family.</summary>
    public static ActorRole RoleFor(Relation relation) => relation switch
    {
        Relation.Parent or Relation.StepParent => ActorRole.Parent,
        Relation.Child => ActorRole.Youth,
        _ => ActorRole.NetworkMember,
    };

    /// <summary>
    /// A professional with standing in the family invites one of its members: a parent, a youth from
    /// 12, a foster parent or a network member. Nobody outside the family; no one who has an account.
    /// </summary>
    public static Decision Invite(Actor actor, Family family, IReadOnlyDictionary<PersonId, DateOnly> birthDates, PersonId person, DateTimeOffset now)
    {
        var standing = Standings.OnFamily(family, actor, birthDates, now);
        if (!standing.Exists || standing.Kind == StandingKind.Emergency) return Decision.NoStanding(standing.Reason);
        if (!actor.IsProfessional) return Decision.Deny(new Reason(Reasons.ProfessionalsOnly));
        return Decision.Allow(standing.Reason);
    }

    /// <summary>The rule a member must meet to be invited (null when they may be).</summary>
    public static string? CannotInvite(Family family, PersonId person, DateOnly? birthDate, DateTimeOffset now)
    {
        if (family.MemberFor(person) is not { } member) return "invitation.not-a-member";
        if (member.Relation == Relation.Child
            && (birthDate is not { } born || Person.AgeOn(born, DateOnly.FromDateTime(now.UtcDateTime)) < 12))
            return "invitation.too-young";
        return null;
    }

    /// <summary>Reasons must say why: at least a few words.</summary>
    public static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 3
            ? throw new DomainRuleViolation("account.reason-required")
            : reason.Trim();
}

/// <summary>The account holder logged out everywhere.</summary>
public sealed record SessionsEnded(UserId UserId, DateTimeOffset At);
