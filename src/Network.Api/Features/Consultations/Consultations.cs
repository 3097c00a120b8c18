using FluentValidation;
using Marten;
using Mediator;
using Network.Api.Features.Appointments;
using Network.Api.Features.Items;
using Network.Api.Features.Plans;
using Network.Api.Features.Plans.AddPlanItem;
using Network.Api.Infrastructure.Gate;
using Network.Api.Infrastructure.Marten;

namespace Network.Api.Features.Consultations;

public sealed record ScheduleConsultation(Actor Actor, Guid BoardId, ScheduleConsultationRequest Consultation) : ICommand<ItemPostedResponse>;

public sealed record ChangeConsultation(Actor Actor, Guid ItemId, long? ExpectedVersion, ScheduleConsultationRequest Consultation) : ICommand<ItemChangedResponse>;

public sealed record CancelConsultation(Actor Actor, Guid ItemId, long? ExpectedVersion, string? Reason) : ICommand<ItemChangedResponse>;

public sealed record RespondToConsultation(Actor Actor, Guid ItemId, RespondToConsultationRequest Response) : ICommand<ItemChangedResponse>;

public sealed record AddAgendaPoint(Actor Actor, Guid ItemId, AddAgendaPointRequest Point) : ICommand<ItemChangedResponse>;

/// <summary>Puts the open goals and overdue actions about the consultation's children on its agenda, each once.</summary>
public sealed record AgendaFromPlan(Actor Actor, Guid ItemId) : ICommand<AgendaFromPlanResponse>;

public sealed record HoldConsultation(Actor Actor, Guid ItemId, long? ExpectedVersion, HoldConsultationRequest Held) : ICommand<ItemChangedResponse>;

public sealed record RecordDecision(Actor Actor, Guid ItemId, RecordDecisionRequest Decision) : ICommand<DecisionRecordedResponse>;

public sealed record PostMinutes(Actor Actor, Guid ItemId, PostMinutesRequest Minutes) : ICommand<ItemPostedResponse>;

public sealed class ScheduleConsultationValidator : AbstractValidator<ScheduleConsultation>
{
    public ScheduleConsultationValidator() => ConsultationRules.Apply(this, c => c.Consultation);
}

public sealed class ChangeConsultationValidator : AbstractValidator<ChangeConsultation>
{
    public ChangeConsultationValidator() => ConsultationRules.Apply(this, c => c.Consultation);
}

internal static class ConsultationRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, ScheduleConsultationRequest?> request)
    {
        v.RuleFor(c => request(c)).NotNull().WithMessage("Stuur een overleg mee.").OverridePropertyName("Consultation");
        v.When(c => request(c) is not null, () =>
        {
            AppointmentRules.Apply(v, c => request(c)!.Title, c => request(c)!.Start, c => request(c)!.DurationMinutes);
            v.RuleFor(c => request(c)!.Children).Must(ch => ch is { Count: > 0 }).WithMessage("Kies over welke kinderen het overleg gaat.")
                .OverridePropertyName("Children");
            v.RuleFor(c => request(c)!.FamilyLeftOutReason).Must(r => r is null || r.Trim().Length <= Item.MaxReasonLength)
                .WithMessage($"Een reden heeft hoogstens {Item.MaxReasonLength} tekens.").OverridePropertyName("FamilyLeftOutReason");
        });
    }
}

public sealed class RespondToConsultationValidator : AbstractValidator<RespondToConsultation>
{
    public RespondToConsultationValidator()
    {
        RuleFor(c => c.Response).NotNull().WithMessage("Zeg of u komt.");
        When(c => c.Response is not null, () =>
        {
            RuleFor(c => c.Response.Accepts).NotNull().WithMessage("Zeg of u komt.").OverridePropertyName("Accepts");
            RuleFor(c => c.Response.Comment).MaximumLength(Item.MaxReasonLength).OverridePropertyName("Comment");
        });
    }
}

public sealed class AddAgendaPointValidator : AbstractValidator<AddAgendaPoint>
{
    public AddAgendaPointValidator()
    {
        RuleFor(c => c.Point).NotNull().WithMessage("Stuur een agendapunt mee.");
        When(c => c.Point is not null, () =>
        {
            RuleFor(c => c.Point.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf het agendapunt.")
                .Must(t => t is null || t.Trim().Length <= Item.MaxReasonLength).WithMessage($"Een agendapunt heeft hoogstens {Item.MaxReasonLength} tekens.")
                .OverridePropertyName("Text");
            RuleFor(c => c.Point.Category).IsInEnum().OverridePropertyName("Category");
        });
    }
}

public sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Decision).NotNull().WithMessage("Stuur een besluit mee.");
        When(c => c.Decision is not null, () =>
        {
            RuleFor(c => c.Decision.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf het besluit.")
                .Must(t => t is null || t.Trim().Length <= PlanDecisions.MaxTextLength).WithMessage($"Een besluit heeft hoogstens {PlanDecisions.MaxTextLength} tekens.")
                .OverridePropertyName("Text");
            RuleFor(c => c.Decision.Effect).IsInEnum().OverridePropertyName("Effect");
            RuleFor(c => c.Decision.GoalId).NotEmpty().When(c => c.Decision.Effect == DecisionEffect.NewAction)
                .WithMessage("Kies het doel van de nieuwe actie.").OverridePropertyName("GoalId");
            RuleFor(c => c.Decision.ActionId).NotEmpty().When(c => c.Decision.Effect == DecisionEffect.ChangedAction)
                .WithMessage("Kies de actie die verandert.").OverridePropertyName("ActionId");
            RuleFor(c => c.Decision.ItemText).MaximumLength(PlanDecisions.MaxTextLength).OverridePropertyName("ItemText");
            RuleFor(c => c.Decision.Target).MaximumLength(PlanDecisions.MaxTextLength).OverridePropertyName("Target");
            RuleFor(c => c.Decision.Owner).Must(o => o is null || (o.UserId is null) != (o.PersonId is null))
                .WithMessage("Kies één eigenaar: een professional of iemand van het gezin.").OverridePropertyName("Owner");
        });
    }
}

public sealed class PostMinutesValidator : AbstractValidator<PostMinutes>
{
    public PostMinutesValidator()
    {
        RuleFor(c => c.Minutes).NotNull().WithMessage("Stuur een verslag mee.");
        When(c => c.Minutes is not null, () =>
        {
            RuleFor(c => c.Minutes.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Schrijf het verslag.")
                .Must(t => t is null || t.Trim().Length <= Item.MaxTextLength).WithMessage($"Een verslag heeft hoogstens {Item.MaxTextLength} tekens.")
                .OverridePropertyName("Text");
            RuleFor(c => c.Minutes.Category).IsInEnum().OverridePropertyName("Category");
            RuleFor(c => c.Minutes.Audience).IsInEnum().OverridePropertyName("Audience");
        });
    }
}

/// <summary>
/// Case consultations: each command goes through the board or item decision first (404 for what
/// the actor may not know), then the domain (<see cref="Domain.Items.Consultations"/>). Scheduling,
/// changing and cancelling send the invitations by e-mail after the commit.
/// </summary>
public sealed class ConsultationHandlers(IDocumentSession session, ItemWrites writes, FamilyContexts families, Gate gate, ConsultationInvitations invitations) :
    ICommandHandler<ScheduleConsultation, ItemPostedResponse>, ICommandHandler<ChangeConsultation, ItemChangedResponse>,
    ICommandHandler<CancelConsultation, ItemChangedResponse>, ICommandHandler<RespondToConsultation, ItemChangedResponse>,
    ICommandHandler<AddAgendaPoint, ItemChangedResponse>, ICommandHandler<AgendaFromPlan, AgendaFromPlanResponse>,
    ICommandHandler<HoldConsultation, ItemChangedResponse>, ICommandHandler<RecordDecision, DecisionRecordedResponse>,
    ICommandHandler<PostMinutes, ItemPostedResponse>
{
    public async ValueTask<ItemPostedResponse> Handle(ScheduleConsultation c, CancellationToken ct)
    {
        var (when, fields) = Fields(c.Consultation);
        var posted = await writes.PostAsync(c.Actor, c.BoardId, Domain.Items.Consultations.FactsOf(c.Actor),
            (board, id, now) => Domain.Items.Consultations.Schedule(board.Board, board.Family.Of, board.Family.Table, c.Actor, id,
                c.Consultation.Title!, when, fields, now), ct);
        await InviteAsync(c.Actor, posted.ItemId, ct);
        return posted;
    }

    public async ValueTask<ItemChangedResponse> Handle(ChangeConsultation c, CancellationToken ct)
    {
        var (when, fields) = Fields(c.Consultation);
        var changed = await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
            (item, f, now) => Domain.Items.Consultations.Change(item, f.Of, f.Table, c.Actor, c.Consultation.Title!, when, fields, now), ct);
        await InviteAsync(c.Actor, c.ItemId, ct);
        return changed;
    }

    public async ValueTask<ItemChangedResponse> Handle(CancelConsultation c, CancellationToken ct)
    {
        var changed = await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
            (item, f, now) => Domain.Items.Consultations.Cancel(item, f.Of, f.Table, c.Actor, c.Reason, now), ct);
        await InviteAsync(c.Actor, c.ItemId, ct);
        return changed;
    }

    public async ValueTask<ItemChangedResponse> Handle(RespondToConsultation c, CancellationToken ct) =>
        await writes.ChangeAsync(c.Actor, c.ItemId, null,
            (item, f, now) => Domain.Items.Consultations.Respond(item, f.Of, f.Table, c.Actor, c.Response.Accepts!.Value, c.Response.Comment, now), ct);

    public async ValueTask<ItemChangedResponse> Handle(AddAgendaPoint c, CancellationToken ct) =>
        await writes.ChangeAsync(c.Actor, c.ItemId, null,
            (item, f, now) => Domain.Items.Consultations.AddPoint(item, f.Of, f.Table, c.Actor, Guid.CreateVersion7(), c.Point.Text!,
                c.Point.Category ?? InformationCategory.General, [.. (c.Point.About ?? []).Select(p => new PersonId(p))], null, now), ct);

    public async ValueTask<AgendaFromPlanResponse> Handle(AgendaFromPlan c, CancellationToken ct)
    {
        var f = await ReadableFamilyAsync(c.Actor, c.ItemId, ct);
        var (rows, _) = await gate.ReadPlanAsync(c.Actor, f, ct);
        var plan = await session.LatestAsync<Item>(rows.Select(r => r.Row.Id), ct);
        var added = new List<Guid>();
        var changed = await writes.ChangeAsync(c.Actor, c.ItemId, null, (consultation, family, now) =>
        {
            var events = new List<object>();
            var item = consultation;
            foreach (var source in Domain.Items.Consultations.Proposed(item, family.Of, family.Table, c.Actor, plan, now))
            {
                var about = source.Facts.About.Where(p => item.Consultation!.Fields.Children.Contains(p)).ToList();
                var point = Domain.Items.Consultations.AddPoint(item, family.Of, family.Table, c.Actor, Guid.CreateVersion7(),
                    source.Text, InformationCategory.Plan, about, source, now);
                events.AddRange(point);
                item = point.Aggregate(item, (i, e) => Item.Evolve(i, e)!);
            }
            added.AddRange(events.OfType<AgendaPointAdded>().Select(e => e.Point.Id));
            return events;
        }, ct);
        return new AgendaFromPlanResponse(added, changed.ItemVersion);
    }

    public async ValueTask<ItemChangedResponse> Handle(HoldConsultation c, CancellationToken ct) =>
        await writes.ChangeAsync(c.Actor, c.ItemId, c.ExpectedVersion,
            (item, f, now) => Domain.Items.Consultations.Hold(item, f.Of, f.Table, c.Actor,
                [.. (c.Held?.PresentPersons ?? []).Select(p => new PersonId(p))], [.. (c.Held?.PresentUsers ?? []).Select(u => new UserId(u))], now), ct);

    public async ValueTask<DecisionRecordedResponse> Handle(RecordDecision c, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Item>(c.ItemId, ct);
        var item = stream.Aggregate ?? throw gate.NotFound("item");
        var f = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        var resource = $"item:{c.ItemId}";
        var read = ItemPolicy.Decide(c.Actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now);
        gate.Guard(c.Actor, AccessAction.Update, resource, f.Id, read);
        var board = await PlanBoards.MainAsync(session, f.Id, ct) ?? throw gate.NotFound("plan");
        var r = c.Decision;
        var goal = r.GoalId is { } g ? await ReadableAsync(new ItemId(g), f, c.Actor, ct) : null;
        if (r.Effect == DecisionEffect.NewAction && goal is null) throw new DomainRuleViolation("plan.action-needs-goal");
        var actionStream = r.ActionId is { } a ? await session.Events.FetchForWriting<Item>(a, ct) : null;
        var action = actionStream?.Aggregate is { } found && Readable(found, f, c.Actor) ? found : null;
        if (r.Effect == DecisionEffect.ChangedAction && action is null) throw gate.NotFound("item");
        var request = new DecisionRequest(r.Text!, r.AgendaPoint, r.Effect ?? DecisionEffect.None, goal, action, r.ItemText, r.Due,
            PlanOwners.Resolve(f, r.Owner), r.About?.Select(p => new PersonId(p)).ToList(), r.Target);
        var decisionId = Guid.CreateVersion7();
        var newItem = ItemId.New();

        (IReadOnlyList<object> OnConsultation, ItemId? PlanItem, IReadOnlyList<object> OnPlanItem) decided;
        try
        {
            decided = Domain.Items.Consultations.Decide(item, board, f.Of, f.Table, c.Actor, decisionId, newItem, request, gate.Now);
        }
        catch (NotAllowed)
        {
            gate.Record(c.Actor, AccessAction.Update, resource, f.Id, read.Subjects.Select(s => s with { Allowed = false }));
            throw;
        }
        gate.Record(c.Actor, AccessAction.Update, resource, f.Id, read.Subjects);
        stream.AppendMany(decided.OnConsultation);
        if (decided.PlanItem is { } planItem)
        {
            var facts = decided.OnPlanItem.OfType<ItemPosted>().FirstOrDefault() is { } p
                ? new ItemFacts(p.Category, p.About, p.AuthorId, p.AuthorOrganisation, p.Audience, p.AssignedTo, p.ForNetwork, p.AssignedPersons)
                : action!.Facts;
            var planned = ItemPolicy.Decide(c.Actor, ItemAction.Create, facts, f.Family, f.BirthDates, f.Table, gate.Now);
            gate.Record(c.Actor, action is null || r.Effect != DecisionEffect.ChangedAction ? AccessAction.Create : AccessAction.Update,
                $"item:{planItem}", f.Id, planned.Subjects);
            if (r.Effect == DecisionEffect.ChangedAction) actionStream!.AppendMany(decided.OnPlanItem);
            else session.Events.StartStream<Item>(planItem.Value, [.. decided.OnPlanItem]);
        }
        await gate.SaveAsync(ct);
        return new DecisionRecordedResponse(c.ItemId, decisionId, decided.PlanItem?.Value, (stream.CurrentVersion ?? 0) + decided.OnConsultation.Count);
    }

    public async ValueTask<ItemPostedResponse> Handle(PostMinutes c, CancellationToken ct)
    {
        var item = await session.Events.FetchLatest<Item>(c.ItemId, ct) ?? throw gate.NotFound("item");
        var f = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        gate.Guard(c.Actor, AccessAction.Create, $"item:{c.ItemId}", f.Id,
            ItemPolicy.Decide(c.Actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now));
        var m = c.Minutes;
        var choices = new PostItemRequest(m.Text, m.Category, m.About, m.Audience, m.Named).ToChoices();
        return await writes.PostAsync(c.Actor, item.Boards[0].Value, ItemDecisions.FactsOf(c.Actor, choices),
            (board, id, now) => Domain.Items.Consultations.Minutes(item, board.Board, board.Family.Of, board.Family.Table, c.Actor, id, m.Text!,
                choices, m.AgendaPoint, now), ct);
    }

    /// <summary>The consultation as it is now, to the participants: after the commit, so a mail never announces what did not happen.</summary>
    private Task InviteAsync(Actor actor, Guid itemId, CancellationToken ct)
    {
        invitations.Enqueue(actor, itemId);
        return Task.CompletedTask;
    }

    private async Task<FamilyContext> ReadableFamilyAsync(Actor actor, Guid itemId, CancellationToken ct)
    {
        var item = await session.Events.FetchLatest<Item>(itemId, ct) ?? throw gate.NotFound("item");
        var f = await families.LoadAsync(item.FamilyId, ct) ?? throw gate.NotFound("item");
        gate.Guard(actor, AccessAction.Update, $"item:{itemId}", f.Id,
            ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now));
        return f;
    }

    private async Task<Item?> ReadableAsync(ItemId id, FamilyContext f, Actor actor, CancellationToken ct) =>
        await session.Events.FetchLatest<Item>(id.Value, ct) is { } item && Readable(item, f, actor) ? item : null;

    private bool Readable(Item item, FamilyContext f, Actor actor) =>
        item.FamilyId == f.Id && ItemPolicy.Decide(actor, ItemAction.Read, item.Facts, f.Family, f.BirthDates, f.Table, gate.Now).Allowed;

    private static (AppointmentFields When, ConsultationFields Fields) Fields(ScheduleConsultationRequest r) => (
        new AppointmentFields(r.Start!.Value.ToUniversalTime(), r.DurationMinutes!.Value,
            string.IsNullOrWhiteSpace(r.Place) ? null : r.Place.Trim(), string.IsNullOrWhiteSpace(r.VideoLink) ? null : r.VideoLink.Trim(),
            [.. (r.ParticipantPersons ?? []).Distinct().Select(p => new PersonId(p))], [.. (r.ParticipantUsers ?? []).Distinct().Select(u => new UserId(u))]),
        new ConsultationFields([.. (r.Children ?? []).Distinct().Select(p => new PersonId(p))], r.FamilyLeftOutReason));
}
