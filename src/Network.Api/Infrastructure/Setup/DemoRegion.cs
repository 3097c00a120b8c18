using Marten;
using Microsoft.AspNetCore.Identity;
using Network.Api.Infrastructure.Auth;
using Network.Domain.Authorization;
using Network.Domain.Boards;
using Network.Domain.Common;
using Network.Domain.Families;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// A small demo region: organisations, professionals and two families, one of whose parents can
/// log in. Created once; a second run finds it and does nothing.
/// </summary>
public sealed class DemoRegion(UserManager<NetworkUser> users, IDocumentSession session, TimeProvider clock, ILogger<DemoRegion> logger)
{
    public const string Password = "Netwerk-demo-2026";

    public sealed record DemoUser(string Email, string DisplayName, ActorRole Role, string? Organisation);

    public static readonly DemoUser Coordinator = new("fatima@buurtteam.demo", "Fatima El Amrani", ActorRole.NeighbourhoodTeam, "Buurtteam Utrecht-Oost");
    public static readonly DemoUser YouthCareWorker = new("jeroen@debrug.demo", "Jeroen de Vries", ActorRole.YouthCare, "Jeugdhulp De Brug");
    public static readonly DemoUser Parent = new("sanne.jansen@gezin.demo", "Sanne Jansen", ActorRole.Parent, null);
    public static readonly DemoUser Guardian = new("peter@samenveilig.demo", "Peter Bakker", ActorRole.FamilyGuardian, "GI Samen Veilig");
    public static readonly DemoUser Administrator = new("beheer@network.demo", "Functioneel beheer", ActorRole.FunctionalAdministrator, "Regio Utrecht");

    public static IReadOnlyList<DemoUser> Users => [Coordinator, YouthCareWorker, Parent, Guardian, Administrator];

    /// <summary>Stable ids, so a re-run and the tests can find the demo families and boards.</summary>
    public static readonly FamilyId JansenFamily = new(Guid.Parse("0193a000-0000-7000-8000-00000000f001"));
    public static readonly BoardId JansenBoard = new(Guid.Parse("0193a000-0000-7000-8000-00000000b001"));
    public static readonly FamilyId YilmazFamily = new(Guid.Parse("0193a000-0000-7000-8000-00000000f002"));
    public static readonly BoardId YilmazBoard = new(Guid.Parse("0193a000-0000-7000-8000-00000000b002"));

    public async Task EnsureAsync(CancellationToken ct)
    {
        var ids = new Dictionary<DemoUser, UserId>();
        foreach (var u in Users) ids[u] = await EnsureUserAsync(u);

        if (await session.LoadAsync<Family>(JansenFamily, ct) is not null)
            return;

        var now = clock.GetUtcNow();
        NetworkMember Member(DemoUser u, MembershipBasis basis) =>
            new(ids[u], u.DisplayName, u.Role, u.Organisation, basis, now);

        await OpenFamilyAsync(JansenFamily, "Gezin Jansen", JansenBoard, "Gezinsbord Jansen", now,
            [Member(Coordinator, MembershipBasis.Consent), Member(YouthCareWorker, MembershipBasis.Consent), Member(Parent, MembershipBasis.FamilyMember)], ct);
        await OpenFamilyAsync(YilmazFamily, "Gezin Yılmaz", YilmazBoard, "Gezinsbord Yılmaz", now,
            [Member(Guardian, MembershipBasis.LegalBasis)], ct);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo region created");
    }

    private async Task OpenFamilyAsync(
        FamilyId familyId, string name, BoardId boardId, string title, DateTimeOffset now,
        IReadOnlyList<NetworkMember> members, CancellationToken ct)
    {
        var familyEvents = Family.Register(familyId, name, now).ToList();
        var family = familyEvents.Aggregate((Family?)null, Family.Evolve)!;
        foreach (var m in members)
        {
            var added = Family.AddMember(family, m);
            familyEvents.AddRange(added);
            family = added.Aggregate(family, (f, e) => Family.Evolve(f, e)!);
        }
        session.Events.StartStream<Family>(familyId.Value, familyEvents.ToArray());
        session.Events.StartStream<Board>(boardId.Value, Board.Open(boardId, family, title, now).ToArray());
        await Task.CompletedTask;
    }

    private async Task<UserId> EnsureUserAsync(DemoUser demo)
    {
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is null)
        {
            user = new NetworkUser
            {
                Id = Guid.CreateVersion7(),
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                Role = demo.Role,
                Organisation = demo.Organisation,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo user {demo.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        return new UserId(user.Id);
    }
}
