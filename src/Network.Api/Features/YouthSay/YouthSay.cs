using FluentValidation;
using Mediator;
using Network.Api.Features.Families;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Http;

namespace Network.Api.Features.YouthSay;

/// <summary>The youth's own say in a family as the actor may see it: their own choices, or (a parent) which youths decide themselves.</summary>
public sealed record GetYouthSay(Actor Actor, Guid FamilyId) : IQuery<YouthSayView>;

/// <summary>A youth of 16 or older chooses whether their parents see one category of information about them.</summary>
public sealed record ChooseYouthSay(Actor Actor, Guid FamilyId, string? Category, bool? ParentsSee, long? ExpectedVersion) : IFamilyCommand;

public sealed class ChooseYouthSayValidator : AbstractValidator<ChooseYouthSay>
{
    public ChooseYouthSayValidator()
    {
        RuleFor(c => c.Category).Must(c => c is not null && !int.TryParse(c, out _) && Enum.TryParse<InformationCategory>(c, out _))
            .WithMessage("Kies een soort informatie.");
        RuleFor(c => c.ParentsSee).NotNull().WithMessage("Kies ja of nee.");
    }
}

public sealed class YouthSayHandler(FamilyContexts families, FamilyWrites writes, Gate gate) :
    IQueryHandler<GetYouthSay, YouthSayView>, ICommandHandler<ChooseYouthSay, FamilyChanged>
{
    /// <summary>Only the youth themself (a child of the family with standing on themself); other family members and professionals may know the family (403).</summary>
    private static readonly FamilyWrites.Authorize Youth = (actor, f, now) =>
    {
        if (actor.PersonId is { } me && f.Family.MemberFor(me)?.Relation == Relation.Child
            && Standings.OnChild(f.Family, actor, me, f.BirthDates.GetValueOrDefault(me), now).Kind == StandingKind.Youth)
            return Decision.Allow(new Reason(Reasons.Youth));
        var standing = Standings.OnFamily(f.Family, actor, f.BirthDates, now);
        return standing.Exists ? Decision.Deny(new Reason("youth-say.only-the-youth")) : Decision.NoStanding(standing.Reason);
    };

    public async ValueTask<FamilyChanged> Handle(ChooseYouthSay c, CancellationToken ct)
    {
        var category = Enum.Parse<InformationCategory>(c.Category!);
        return await writes.ExecuteAsync(c.Actor, c.FamilyId, c.ExpectedVersion, Youth,
            f => c.Actor.PersonId is { } me && f.Family.MemberFor(me) is not null ? [me] : [],
            (f, now) => Domain.Families.YouthSay.Choose(f.Of, c.Actor, category, c.ParentsSee!.Value, f.Table, now), ct);
    }

    public async ValueTask<YouthSayView> Handle(GetYouthSay q, CancellationToken ct)
    {
        var f = await families.LoadAsync(new FamilyId(q.FamilyId), ct) ?? throw gate.NotFound("family");
        var now = gate.Now;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var onFamily = Standings.OnFamily(f.Family, q.Actor, f.BirthDates, now);
        var resource = $"youth-say:{q.FamilyId}";
        if (!onFamily.Exists) gate.Require(q.Actor, AccessAction.Read, resource, f.Id, Decision.NoStanding(onFamily.Reason));

        var subjects = new List<SubjectOutcome>();
        YouthOwnSayView? mine = null;
        var categories = Domain.Families.YouthSay.Categories(f.Table);
        if (q.Actor.PersonId is { } me && f.Family.MemberFor(me)?.Relation == Relation.Child)
        {
            var standing = Standings.OnChild(f.Family, q.Actor, me, f.BirthDates.GetValueOrDefault(me), now);
            if (standing.Kind == StandingKind.Youth)
            {
                var age = Person.AgeOn(f.BirthDates.GetValueOrDefault(me), day);
                mine = new YouthOwnSayView(me.Value, age, age >= Domain.Families.YouthSay.Age,
                    [.. categories.Select(c => f.Family.ChoiceOf(me, c) is { } choice
                        ? new YouthChoiceView(c, choice.ParentsSee, choice.At) : new YouthChoiceView(c, false, null))],
                    ParentsSeeAnyway(f.Table));
                subjects.Add(new SubjectOutcome(me, standing.Basis, true));
            }
        }

        // A parent learns that a youth of 16 or older decides what they see, never what is hidden.
        var decided = new List<YouthDecidesView>();
        if (q.Actor.IsFamily)
            foreach (var child in f.Family.Children)
            {
                var born = f.BirthDates.GetValueOrDefault(child);
                if (child == q.Actor.PersonId || Person.AgeOn(born, day) < Domain.Families.YouthSay.Age) continue;
                var standing = Standings.OnChild(f.Family, q.Actor, child, born, now);
                if (standing.Kind is not (StandingKind.ParentWithAuthority or StandingKind.ParentWithoutAuthority)) continue;
                var last = f.Family.ChoicesOf(child).Select(c => (DateTimeOffset?)c.At).Max();
                decided.Add(new YouthDecidesView(child.Value, f.NameOf(child), last));
                subjects.Add(new SubjectOutcome(child, standing.Basis, true));
            }

        if (subjects.Count == 0) subjects.Add(new SubjectOutcome(null, onFamily.Basis, true));
        gate.Require(q.Actor, AccessAction.Read, resource, f.Id, Decision.Allow(onFamily.Reason).About(subjects));
        return new YouthSayView(f.Id.Value, f.Family.Name, f.Version, mine, decided);
    }

    /// <summary>What a parent with gezag reads about a youth whatever the youth chooses (the table without condition 7).</summary>
    private static IReadOnlyList<InformationCategory> ParentsSeeAnyway(AuthorizationTable table) =>
        [.. Enum.GetValues<InformationCategory>().Where(c => table[c, TableColumn.ParentWithAuthority] is { Access: >= TableAccess.Read } cell
            && (cell.Conditions & (TableCondition.Under16OrYouthConsent | TableCondition.AboutThemself | TableCondition.AdministrativeOnly)) == 0)];
}

public static class YouthSayEndpoints
{
    public static IEndpointRouteBuilder MapYouthSay(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/families/{familyId:guid}/youth-say").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Youth say");
        group.MapGet("", async (Guid familyId, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var view = await m.Send(new GetYouthSay(http.User.ToActor(), familyId), ct);
                Versions.SetETag(http.Response, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetYouthSay")
            .WithSummary("The youth's own say from 16: for the youth their choices per category, for a parent which youths decide themselves (not what they hide).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{category}", (Guid familyId, string category, YouthSayRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                FamilyEndpoint.SendAsync(http, m, (a, v) => new ChooseYouthSay(a, familyId, category, body.ParentsSee, v), ct))
            .DescribeFamilyWrite("ChooseYouthSay", "A youth of 16 or older chooses whether their parents see one category of information about them; in force at once.");
        return app;
    }
}
