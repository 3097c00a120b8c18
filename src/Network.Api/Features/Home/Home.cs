using Marten;
using Mediator;
using Network.Api.Features.Plans;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;

namespace Network.Api.Features.Home;

/// <summary>
/// The caller's visits to their home: the one before this visit and the latest request. A pause of
/// half an hour starts a new visit (as "Wie keek mee?" counts visits), so "new since your last
/// visit" stays the same while one looks around.
/// </summary>
public sealed class HomeVisit
{
    public Guid Id { get; set; }
    public DateTimeOffset? Previous { get; set; }
    public DateTimeOffset Latest { get; set; }

    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(30);

    /// <summary>Counts a request at <paramref name="now"/> and answers since when things are new.</summary>
    public DateTimeOffset? Visit(DateTimeOffset now)
    {
        if (now - Latest > Pause) Previous = Latest;
        Latest = now;
        return Previous;
    }
}

/// <summary>What is new for the caller since their last visit, across every family they are connected to; each item passed the item decision.</summary>
public sealed record GetHomeNew(Actor Actor) : IQuery<HomeNewView>;

/// <summary>What is asked of the caller: plan versions awaiting their agreement, consent they may give.</summary>
public sealed record GetHomeAsked(Actor Actor) : IQuery<HomeAskedView>;

public sealed class HomeHandler(IDocumentSession session, FamilyContexts families, Gate gate) :
    IQueryHandler<GetHomeNew, HomeNewView>, IQueryHandler<GetHomeAsked, HomeAskedView>
{
    public const int Shown = 50;
    public static readonly TimeSpan FirstVisitWindow = TimeSpan.FromDays(14);

    public async ValueTask<HomeNewView> Handle(GetHomeNew q, CancellationToken ct)
    {
        var visit = await session.LoadAsync<HomeVisit>(q.Actor.UserId.Value, ct) ?? new HomeVisit { Id = q.Actor.UserId.Value, Latest = gate.Now };
        var previous = visit.Visit(gate.Now);
        session.Store(visit);
        await session.SaveChangesAsync(ct);

        var since = previous ?? gate.Now - FirstVisitWindow;
        var changed = await gate.ChangedSinceAsync(q.Actor, families, since, Shown * 2, ct);
        var main = new Dictionary<FamilyId, Guid?>();
        var entries = new List<HomeNewEntry>();
        foreach (var (row, f) in changed.Where(c => c.Row.AuthorId != q.Actor.UserId.Value).Take(Shown))
        {
            if (!main.TryGetValue(f.Id, out var board)) main[f.Id] = board = (await PlanBoards.MainIdAsync(session, f.Id, ct))?.Value;
            var section = SectionOf(row);
            var link = section is HomeSection.PlanChange or HomeSection.Decision
                ? $"/gezinnen/{f.Id.Value}/plan"
                : $"/boards/{(row.Boards.Length > 0 ? row.Boards[0] : board)}";
            entries.Add(new HomeNewEntry(row.Id, f.Id.Value, f.Family.Name, section, row.Kind, Summary(row.Text), row.AuthorName, row.ChangedAt, link));
        }
        return new HomeNewView(since, previous is null, entries);
    }

    public async ValueTask<HomeAskedView> Handle(GetHomeAsked q, CancellationToken ct)
    {
        gate.NothingShown();
        var agreements = new List<HomeAgreementAsked>();
        var consents = new List<HomeConsentAsked>();
        if (q.Actor.IsProfessional) return new HomeAskedView(agreements, consents, await ProposalsAsync(q.Actor, ct));
        if (q.Actor.PersonId is not { } me) return new HomeAskedView(agreements, consents);
        var day = DateOnly.FromDateTime(gate.Now.UtcDateTime);
        foreach (var f in await families.ConnectedToAsync(q.Actor, ct))
        {
            var family = f.Family;
            if (family.MemberFor(me) is null) continue;

            // Consent: a professional invited on consent for a child whose consent is the caller's to give.
            var sight = FamilyPolicy.See(q.Actor, family, f.BirthDates, f.Table, gate.Now);
            var shown = new List<PersonId>();
            foreach (var p in family.Professionals.Where(p => p.Basis == MembershipBasis.Consent))
            foreach (var child in p.Children.Where(c => sight.Child(c) is { Full: true }
                         && Consents.Required(family, c, f.BirthDates.GetValueOrDefault(c), day).Contains(me)
                         && !family.Consents.Any(g => g.Professional == p.UserId && g.Child == c && g.GivenBy == me)))
            {
                consents.Add(new HomeConsentAsked(family.Id.Value, family.Name, p.UserId.Value, p.DisplayName, p.Organisation, child.Value, f.NameOf(child)));
                shown.Add(child);
            }
            if (shown.Count > 0)
                gate.Record(q.Actor, AccessAction.Read, "home:asked", f.Id,
                    shown.Distinct().Select(c => new SubjectOutcome(c, sight.Child(c)!.Standing.Basis, true)));

            // Agreement: the newest plan version, where the caller's agreement counts and is awaited.
            if (!Agreements.Counts(family, me, f.BirthDates, day)) continue;
            if (!FamilyPolicy.ReadBoard(q.Actor, family, f.BirthDates, f.Table, gate.Now).Allowed) continue;
            var (rows, _) = await gate.ReadPlanAsync(q.Actor, f, ct);
            var plan = PlanViews.Build(q.Actor, f, [.. rows.Select(r => r.Row)], null, gate.Now);
            if (plan.Versions.FirstOrDefault() is { } latest && latest.Awaiting.Any(a => a.PersonId == me.Value))
                agreements.Add(new HomeAgreementAsked(family.Id.Value, family.Name, latest.ItemId, latest.Number, latest.At, latest.ByName));
        }
        return new HomeAskedView(agreements, consents);
    }

    /// <summary>The proposals waiting for a decision the professional may take, in every family whose plan they read.</summary>
    private async Task<IReadOnlyList<HomeProposalAsked>> ProposalsAsync(Actor actor, CancellationToken ct)
    {
        var proposals = new List<HomeProposalAsked>();
        foreach (var f in await families.ConnectedToAsync(actor, ct))
        {
            if (!FamilyPolicy.ReadBoard(actor, f.Family, f.BirthDates, f.Table, gate.Now).Allowed) continue;
            var (rows, _) = await gate.ReadPlanAsync(actor, f, ct);
            var plan = PlanViews.Build(actor, f, [.. rows.Select(r => r.Row)], null, gate.Now);
            proposals.AddRange(plan.Proposals.Where(p => p.MayDecide)
                .Select(p => new HomeProposalAsked(f.Id.Value, f.Family.Name, p.ItemId, Summary(p.Text), p.AuthorName, p.At)));
        }
        return proposals;
    }

    public static HomeSection SectionOf(ItemRow row) => row switch
    {
        { Kind: ItemKind.Appointment } => HomeSection.Appointment,
        { Details.Proposal: ProposalState.Accepted or ProposalState.Declined } => HomeSection.Decision,
        _ when row.Kind is ItemKind.Worry or ItemKind.Strength or ItemKind.Goal or ItemKind.Action or ItemKind.PlanVersion or ItemKind.PlanAgreement
            => HomeSection.PlanChange,
        _ => HomeSection.Item,
    };

    /// <summary>The start of the text, for a line on a phone.</summary>
    public static string Summary(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 90 ? line : line[..87].TrimEnd() + "…";
    }
}

public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        var my = app.MapGroup("/api/my/home").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Home");
        my.MapGet("/new", async (HttpContext http, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetHomeNew(http.User.ToActor()), ct)))
            .WithName("GetHomeNew")
            .WithSummary("What is new for the caller since their last visit (a pause of 30 minutes starts a new visit), across their families.");
        my.MapGet("/asked", async (HttpContext http, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetHomeAsked(http.User.ToActor()), ct)))
            .WithName("GetHomeAsked")
            .WithSummary("What is asked of the caller: plan versions awaiting their agreement and consent they may give (their actions: /api/my/actions).");
        return app;
    }
}
