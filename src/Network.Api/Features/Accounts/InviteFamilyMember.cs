using Marten;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Domain.Accounts;

namespace Network.Api.Features.Accounts;

/// <summary>
/// A professional with standing invites a registered member of the family (a parent, a youth from
/// 12, a foster parent or network member) to an account tied to that registry person: an e-mailed
/// link, and a code to hand over on paper. On activation the standing rules apply at once.
/// </summary>
public sealed record InviteFamilyMember(Actor Actor, Guid FamilyId, Guid? PersonId, string? Email) : ICommand<InvitationView>;

public sealed class InviteFamilyMemberHandler(
    UserManager<NetworkUser> users, IDocumentSession session, FamilyContexts families, Gate gate, AccountTokens tokens,
    AccountMail mail, IOptions<AccountOptions> options) : ICommandHandler<InviteFamilyMember, InvitationView>
{
    public async ValueTask<InvitationView> Handle(InviteFamilyMember c, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(c.FamilyId), ct) ?? throw gate.NotFound("family");
        if (c.PersonId is not { } personGuid) throw new DomainRuleViolation("invitation.person-required");
        var person = new PersonId(personGuid);
        var decision = AccountPolicy.Invite(c.Actor, f.Family, f.BirthDates, person, gate.Now);
        var basis = Standings.OnFamily(f.Family, c.Actor, f.BirthDates, gate.Now);
        gate.Require(c.Actor, AccessAction.Create, $"invitation:{c.FamilyId}", f.Id,
            decision.About([new SubjectOutcome(person, basis.Basis, decision.Allowed, basis.BasisCategory)]));

        if (AccountPolicy.CannotInvite(f.Family, person, f.BirthDates.TryGetValue(person, out var born) ? born : null, gate.Now) is { } rule)
            throw new DomainRuleViolation(rule);
        var email = c.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) throw new DomainRuleViolation("account.email-invalid");
        var relation = f.Family.MemberFor(person)!.Relation;
        var role = AccountPolicy.RoleFor(relation);
        var name = f.NameOf(person);

        var user = await EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(users.Users, u => u.PersonId == personGuid, ct);
        if (user is { PasswordHash: not null }) throw new DomainRuleViolation("invitation.has-account");
        if (await users.FindByEmailAsync(email) is { } other && other.Id != user?.Id) throw new DomainRuleViolation("account.email-taken");
        if (user is null)
        {
            user = new NetworkUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name, Role = role, PersonId = personGuid,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new DomainRuleViolation("account.invalid");
            session.Events.StartStream(user.Id, Invited(c, user, role, person));
        }
        else
        {
            // Invited before and never activated: the newest invitation counts, with the address given now.
            user.Email = email;
            user.UserName = email;
            user.Role = role;
            user.DeactivatedAt = null;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded) throw new DomainRuleViolation("account.invalid");
            session.Events.Append(user.Id, Invited(c, user, role, person));
        }
        await gate.SaveAsync(ct);

        var issued = await tokens.IssueAsync(user.Id, AccountTokenPurpose.Invitation, options.Value.InvitationLifetime, c.FamilyId, withCode: true, ct);
        await mail.InvitationAsync(user, f.Family.Name, c.Actor.DisplayName, issued, ct);
        return new InvitationView(user.Id, personGuid, name, email, role, issued.Code!, issued.ExpiresAt);
    }

    private FamilyMemberInvited Invited(InviteFamilyMember c, NetworkUser user, ActorRole role, PersonId person) =>
        new(new UserId(user.Id), user.DisplayName, user.Email!, role, person, new FamilyId(c.FamilyId), c.Actor.UserId, gate.Now);
}

public static class InviteFamilyMemberEndpoint
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/families/{familyId:guid}/invitations",
                async (Guid familyId, InviteFamilyMemberRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
                    TypedResults.Ok(await m.Send(new InviteFamilyMember(http.User.ToActor(), familyId, r.PersonId, r.Email), ct)))
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .WithTags("Families")
            .WithName("InviteFamilyMember")
            .WithSummary("Invites a family member to an account: e-mailed link, and a code to hand over (shown once).");
        return app;
    }
}
