using Marten;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Api.Features.Families;
using Network.Api.Features.Notifications;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Domain.Accounts;
using Microsoft.AspNetCore.SignalR;
using Network.Api.Infrastructure.Realtime;
using OpenIddict.Abstractions;

namespace Network.Api.Features.Accounts;

public sealed record CreateProfessional(Actor Actor, string? Name, string? Email, Guid? OrganisationId, ActorRole? Role, string? Reason) : ICommand<AccountView>;
public sealed record ChangeRole(Actor Actor, Guid UserId, ActorRole? Role, string? Reason) : ICommand<AccountView>;
public sealed record DeactivateAccount(Actor Actor, Guid UserId, string? Reason) : ICommand<AccountView>;
public sealed record ListAccounts(Actor Actor, string? Query) : IQuery<IReadOnlyList<AccountView>>;
/// <summary>A new activation link for a professional who has not activated yet; the old one stops working.</summary>
public sealed record ResendActivation(Actor Actor, Guid UserId) : ICommand<AccountView>;
/// <summary>A lost phone: the authenticator is switched off and set up again at the next login; every token ends.</summary>
public sealed record ResetTwoFactor(Actor Actor, Guid UserId, string? Reason) : ICommand<AccountView>;

/// <summary>
/// Functional administrators create professional accounts, change roles and deactivate accounts.
/// The credentials live in ASP.NET Core Identity; every change is also an event on the account's
/// stream (who, why) committed with its access-log entry. Administrators see accounts, never case content.
/// </summary>
public sealed class AccountAdministrationHandler(
    UserManager<NetworkUser> users, IDocumentSession session, Gate gate, AccountTokens tokens, AccountMail mail,
    IOptions<AccountOptions> options, IOpenIddictAuthorizationManager authorizations, IHubContext<BoardHub, IBoardClient> hub,
    ILogger<AccountAdministrationHandler> logger) :
    ICommandHandler<CreateProfessional, AccountView>,
    ICommandHandler<ChangeRole, AccountView>,
    ICommandHandler<DeactivateAccount, AccountView>,
    ICommandHandler<ResendActivation, AccountView>,
    ICommandHandler<ResetTwoFactor, AccountView>,
    IQueryHandler<ListAccounts, IReadOnlyList<AccountView>>
{
    public async ValueTask<AccountView> Handle(CreateProfessional c, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        Allow(c.Actor, AccessAction.Create, id, null);
        var user = await NewProfessionalAsync(c.Actor, id, c.Name, c.Email, c.OrganisationId, c.Role, c.Reason, ct);
        await gate.SaveAsync(ct);
        await mail.ActivationAsync(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.Activation, options.Value.ActivationLifetime, null, false, ct), ct);
        logger.LogInformation("Account {UserId} created by {By}", user.Id, c.Actor.UserId);
        return View(user);
    }

    /// <summary>Checks and creates a professional's account and queues its event (the caller saves and mails).</summary>
    public async Task<NetworkUser> NewProfessionalAsync(
        Actor actor, Guid id, string? name, string? email, Guid? organisationId, ActorRole? role, string? reason, CancellationToken ct)
    {
        if (role is not { } r || !ContractManagers.IsAccountRole(r)) throw new DomainRuleViolation("account.role-not-professional");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleViolation("account.name-required");
        if (string.IsNullOrWhiteSpace(email) || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))
            throw new DomainRuleViolation("account.email-invalid");
        var organisation = organisationId is { } o ? await session.LoadAsync<Organisation>(new OrganisationId(o), ct) : null;
        if (organisation is null) throw new DomainRuleViolation("organisation.unknown");
        if (!organisation.Active) throw new DomainRuleViolation("organisation.inactive");
        if (ContractManagers.CannotHold(r, organisation.Type) is { } rule) throw new DomainRuleViolation(rule);
        if (await users.FindByEmailAsync(email.Trim()) is not null) throw new DomainRuleViolation("account.email-taken");

        var user = new NetworkUser
        {
            Id = id, UserName = email.Trim(), Email = email.Trim(), DisplayName = name.Trim(), Role = r,
            OrganisationId = organisation.Id.Value, Organisation = organisation.Name, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user));
        session.Events.StartStream(id, new ProfessionalAccountCreated(new UserId(id), user.DisplayName, user.Email, r,
            organisation.Id, actor.UserId, reason?.Trim(), gate.Now));
        return user;
    }

    public async ValueTask<AccountView> Handle(ChangeRole c, CancellationToken ct)
    {
        var user = await FindAsync(c.Actor, c.UserId, ct);
        var reason = AccountPolicy.RequireReason(c.Reason);
        if (c.Role is not { } role || !AccountPolicy.IsProfessionalRole(role) || !AccountPolicy.IsProfessionalRole(user.Role))
            throw new DomainRuleViolation("account.role-not-professional");
        if (!user.IsActive) throw new DomainRuleViolation("account.deactivated");
        if (role == user.Role) return View(user);
        var from = user.Role;
        user.Role = role;
        Check(await users.UpdateAsync(user));
        // A new stamp: tokens that still name the old role stop working on their next request.
        Check(await users.UpdateSecurityStampAsync(user));
        session.Events.Append(user.Id, new AccountRoleChanged(new UserId(user.Id), from, role, c.Actor.UserId, reason, gate.Now));
        await gate.SaveAsync(ct);
        return View(user);
    }

    public async ValueTask<AccountView> Handle(DeactivateAccount c, CancellationToken ct)
    {
        var user = await FindAsync(c.Actor, c.UserId, ct);
        var reason = AccountPolicy.RequireReason(c.Reason);
        if (user.Id == c.Actor.UserId.Value) throw new DomainRuleViolation("account.not-yourself");
        if (!user.IsActive) return View(user);

        user.DeactivatedAt = gate.Now;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await authorizations.RevokeBySubjectAsync(user.Id.ToString(), ct);

        // Memberships end; the coordinator of each family is told.
        var userId = new UserId(user.Id);
        var rosters = await global::Marten.QueryableExtensions.ToListAsync(session.Query<FamilyRoster>().Where(r => r.ProfessionalUserIds.Contains(user.Id)), ct);
        var ended = new List<FamilyId>();
        var told = new List<(Guid Coordinator, Guid Family)>();
        foreach (var roster in rosters)
        {
            var family = await session.LoadAsync<Family>(new FamilyId(roster.Id), ct);
            if (family?.ProfessionalFor(userId) is null) continue;
            session.Events.Append(roster.Id, new NetworkMemberRemoved(family.Id, userId, gate.Now));
            gate.Record(c.Actor, AccessAction.Update, $"family:{family.Id}", family.Id, [new SubjectOutcome(null, AccessBasis.None, true)]);
            ended.Add(family.Id);
            if (family.Coordinator is not { } coordinator || coordinator == userId) continue;
            session.Store(new Notification(Guid.CreateVersion7(), coordinator.Value, "notification.member-deactivated",
                new Dictionary<string, string> { ["name"] = user.DisplayName, ["organisation"] = user.Organisation ?? "", ["family"] = family.Name },
                family.Id.Value, gate.Now));
            told.Add((coordinator.Value, family.Id.Value));
        }
        session.Events.Append(user.Id, new AccountDeactivated(userId, c.Actor.UserId, reason, ended, gate.Now));
        await gate.SaveAsync(ct);
        // After the commit, a thin notice to each coordinator: they fetch the notification themselves.
        foreach (var (coordinator, family) in told)
            await hub.Clients.Group(BoardHub.UserGroup(coordinator)).Notified("member-deactivated", family);
        logger.LogInformation("Account {UserId} deactivated by {By}; {Families} memberships ended", user.Id, c.Actor.UserId, ended.Count);
        return View(user);
    }

    public async ValueTask<AccountView> Handle(ResendActivation c, CancellationToken ct)
    {
        var user = await FindAsync(c.Actor, c.UserId, ct);
        if (!user.IsActive) throw new DomainRuleViolation("account.deactivated");
        if (user.PasswordHash is not null || !ContractManagers.IsAccountRole(user.Role)) throw new DomainRuleViolation("account.already-active");
        session.Events.Append(user.Id, new ActivationLinkSent(new UserId(user.Id), c.Actor.UserId, gate.Now));
        await gate.SaveAsync(ct);
        await mail.ActivationAsync(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.Activation, options.Value.ActivationLifetime, null, false, ct), ct);
        return View(user);
    }

    public async ValueTask<AccountView> Handle(ResetTwoFactor c, CancellationToken ct)
    {
        var user = await FindAsync(c.Actor, c.UserId, ct);
        var reason = AccountPolicy.RequireReason(c.Reason);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        // A new key (and so a new security stamp): the old app's codes and every token stop working.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await authorizations.RevokeBySubjectAsync(user.Id.ToString(), ct);
        session.Events.Append(user.Id, new TwoFactorReset(new UserId(user.Id), c.Actor.UserId, reason, gate.Now));
        await gate.SaveAsync(ct);
        return View(user);
    }

    public async ValueTask<IReadOnlyList<AccountView>> Handle(ListAccounts q, CancellationToken ct)
    {
        var decision = AccountPolicy.Administer(q.Actor);
        gate.Require(q.Actor, AccessAction.Search, "accounts", null, decision.About([new SubjectOutcome(null, AccessBasis.None, decision.Allowed)]));
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Query))
        {
            var like = $"%{q.Query.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, like) || EF.Functions.ILike(u.Email!, like) || EF.Functions.ILike(u.Organisation!, like));
        }
        var found = await EntityFrameworkQueryableExtensions.ToListAsync(query.OrderBy(u => u.DisplayName).Take(500), ct);
        return [.. found.Select(View)];
    }

    private async Task<NetworkUser> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        Allow(actor, AccessAction.Update, id, null);
        return await users.FindByIdAsync(id.ToString()) ?? throw new ResourceNotFound("account");
    }

    private void Allow(Actor actor, AccessAction action, Guid account, PersonId? person)
    {
        var decision = AccountPolicy.Administer(actor);
        gate.Require(actor, action, $"account:{account}", null, decision.About([new SubjectOutcome(person, AccessBasis.None, decision.Allowed)]));
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var code = result.Errors.First().Code;
        throw new DomainRuleViolation(code is "DuplicateEmail" or "DuplicateUserName" ? "account.email-taken" : "account.invalid");
    }

    public static AccountView View(NetworkUser u) => new(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.OrganisationId, u.Organisation, u.PersonId,
        !u.IsActive ? AccountState.Deactivated : u.PasswordHash is null ? AccountState.Invited : AccountState.Active, u.TwoFactorEnabled);
}

public static class AccountAdministrationEndpoints
{
    public static IEndpointRouteBuilder MapAccountAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/accounts").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Administration");
        group.MapGet("", async (string? q, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListAccounts(http.User.ToActor(), q), ct))).WithName("ListAccounts");
        group.MapPost("", async (CreateProfessionalRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateProfessional(http.User.ToActor(), r.Name, r.Email, r.OrganisationId, r.Role, r.Reason), ct);
            return TypedResults.Created($"/api/admin/accounts/{created.UserId}", created);
        }).WithName("CreateProfessional").WithSummary("Creates a professional's account and e-mails the activation link.");
        group.MapPut("/{id:guid}/role", async (Guid id, ChangeRoleRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ChangeRole(http.User.ToActor(), id, r.Role, r.Reason), ct))).WithName("ChangeRole");
        group.MapPost("/{id:guid}/deactivate", async (Guid id, ReasonRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DeactivateAccount(http.User.ToActor(), id, r.Reason), ct)))
            .WithName("DeactivateAccount").WithSummary("Deactivates an account: no login, tokens refused, memberships end, coordinators told.");
        group.MapPost("/{id:guid}/activation", async (Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ResendActivation(http.User.ToActor(), id), ct)))
            .WithName("ResendActivation").WithSummary("Sends a professional who has not activated a new activation link.");
        group.MapPost("/{id:guid}/two-factor/reset", async (Guid id, ReasonRequest r, HttpContext http, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ResetTwoFactor(http.User.ToActor(), id, r.Reason), ct)))
            .WithName("ResetTwoFactor").WithSummary("Switches the authenticator off (a lost phone): set up again at the next login; every token ends.");
        return app;
    }
}
