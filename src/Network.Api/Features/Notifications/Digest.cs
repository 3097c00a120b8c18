using Marten;
using Mediator;
using FluentValidation;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Mail;

namespace Network.Api.Features.Notifications;

/// <summary>A user's choice of a daily e-mail when there is something new for them, and when the last one went.</summary>
public sealed class DigestChoice
{
    public Guid Id { get; set; }
    public bool Daily { get; set; }
    public DateTimeOffset? LastSent { get; set; }
    /// <summary>When the user turned it on: the first mail tells of what came after.</summary>
    public DateTimeOffset EnabledAt { get; set; }
}

/// <summary>The caller's own digest choice (no one's case data: the gate decides that nothing is shown).</summary>
public sealed record GetDigest(Actor Actor) : IQuery<DigestView>;

/// <summary>The caller turns the daily e-mail on or off (no one's case data).</summary>
public sealed record SetDigest(Actor Actor, bool? Daily) : ICommand<DigestView>;

public sealed class SetDigestValidator : AbstractValidator<SetDigest>
{
    public SetDigestValidator() => RuleFor(c => c.Daily).NotNull().WithMessage("Kies aan of uit.");
}

public sealed class DigestHandler(IDocumentSession session, Infrastructure.Gate.Gate gate) : IQueryHandler<GetDigest, DigestView>, ICommandHandler<SetDigest, DigestView>
{
    public async ValueTask<DigestView> Handle(GetDigest q, CancellationToken ct)
    {
        gate.NothingShown();
        return new((await session.LoadAsync<DigestChoice>(q.Actor.UserId.Value, ct))?.Daily ?? false);
    }

    public async ValueTask<DigestView> Handle(SetDigest c, CancellationToken ct)
    {
        gate.NothingShown();
        var choice = await session.LoadAsync<DigestChoice>(c.Actor.UserId.Value, ct) ?? new DigestChoice { Id = c.Actor.UserId.Value };
        if (c.Daily!.Value && !choice.Daily) choice.EnabledAt = gate.Now;
        choice.Daily = c.Daily.Value;
        session.Store(choice);
        await session.SaveChangesAsync(ct);
        return new DigestView(choice.Daily);
    }
}

/// <summary>
/// Once a day, from seven in the morning (Amsterdam), mails each user who chose the digest and has
/// notifications newer than their last mail: only "there is something new for you in Network" and
/// the app's address, never case content (no names, no families, no counts).
/// </summary>
public sealed class DigestSender(IServiceScopeFactory scopes, Mailer mailer, IConfiguration configuration, TimeProvider clock, ILogger<DigestSender> logger)
    : BackgroundService
{
    public static readonly TimeOnly SendFrom = new(7, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not send the daily digest: {Message}", e.Message);
            }
        }
    }

    /// <summary>Sends the digests due at <paramref name="now"/>; answers how many went.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(now, Mailer.Amsterdam);
        if (TimeOnly.FromDateTime(local.DateTime) < SendFrom) return 0;
        var today = new DateTimeOffset(local.Date + SendFrom.ToTimeSpan(), local.Offset);

        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var accounts = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var due = await session.Query<DigestChoice>().Where(d => d.Daily && (d.LastSent == null || d.LastSent < today)).ToListAsync(ct);
        var sent = 0;
        foreach (var choice in due)
        {
            var since = choice.LastSent ?? choice.EnabledAt;
            if (!await session.Query<Notification>().AnyAsync(n => n.UserId == choice.Id && n.At > since, ct)) continue;
            var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(accounts.Users, u => u.Id == choice.Id, ct);
            if (user is not { Email: { } email } || !user.IsActive) continue;
            await mailer.SendAsync(new MailMessage(email, user.DisplayName, "Er is iets nieuws voor u in Network / Something new for you in Network", $"""
                Beste {user.DisplayName},

                Er is iets nieuws voor u in Network. Log in om te zien wat het is:

                {AppUrl}

                U krijgt deze e-mail omdat u koos voor een dagelijks bericht. Uitzetten kan in Network bij Meldingen.

                ---
                There is something new for you in Network. Log in to see what it is (link above).
                You get this e-mail because you chose a daily message; turn it off in Network under Notifications.
                """), ct);
            choice.LastSent = now;
            session.Store(choice);
            sent++;
        }
        await session.SaveChangesAsync(ct);
        return sent;
    }

    private string AppUrl => configuration["Network:WebUrl"] ?? configuration["Network:Issuer"] ?? "http://localhost:5200";
}

public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapDigest(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/my/digest").RequireAuthorization(AuthSetup.ApiPolicy).WithTags("Notifications");
        group.MapGet("", async (HttpContext http, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetDigest(http.User.ToActor()), ct)))
            .WithName("GetDigest").WithSummary("Whether the caller gets a daily e-mail when there is something new (never with case content).");
        group.MapPut("", async (DigestRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetDigest(http.User.ToActor(), body.Daily), ct)))
            .WithName("SetDigest").WithSummary("Turns the daily e-mail on or off.").ProducesValidationProblem();
        return app;
    }
}
