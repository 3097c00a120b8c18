using Marten;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Gate;
using Network.Contracts.Texts;
using Network.Domain.Accounts;

namespace Network.Api.Features.Accounts;

/// <summary>
/// A region moving from another system imports its organisations and professionals from a CSV file
/// (columns kind;name;organisation;organisationtype;role;email, separated by ; or ,). A dry run shows
/// per line what would be created or stay unchanged, and rejects bad lines with a clear message; the
/// real run creates the good lines (each professional gets the activation e-mail) and rejects the rest.
/// </summary>
public sealed record ImportRegion(Actor Actor, string Csv, bool DryRun, bool English) : ICommand<ImportResultView>;

public sealed class ImportRegionHandler(
    IDocumentSession session, UserManager<NetworkUser> users, Gate gate, AccountTokens tokens, AccountMail mail, IOptions<AccountOptions> options)
    : ICommandHandler<ImportRegion, ImportResultView>
{
    private sealed record Line(int Number, string Kind, string Name, string Organisation, string OrganisationType, string Role, string Email);

    public async ValueTask<ImportResultView> Handle(ImportRegion c, CancellationToken ct)
    {
        var decision = AccountPolicy.Administer(c.Actor);
        gate.Require(c.Actor, c.DryRun ? AccessAction.Read : AccessAction.Create, "import", null,
            decision.About([new SubjectOutcome(null, AccessBasis.None, decision.Allowed)]));

        var lines = Parse(c.Csv);
        var rows = new List<ImportRowView>();
        var organisations = (await session.Query<Organisation>().ToListAsync(ct)).ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        var newOrganisations = new Dictionary<string, (OrganisationId Id, OrganisationType Type)>(StringComparer.OrdinalIgnoreCase);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var toCreate = new List<(Line Line, NetworkUser User)>();
        string Word(string code) => Catalog.Text(code, null, c.English);
        ImportRowView Reject(Line l, string code) => new(l.Number, l.Kind, l.Name, ImportOutcome.Rejected, code, Word(code));

        foreach (var l in lines)
        {
            if (l.Kind == "?") { rows.Add(Reject(l, "import.header")); continue; }
            if (IsOrganisation(l.Kind))
            {
                if (string.IsNullOrWhiteSpace(l.Name)) rows.Add(Reject(l, "organisation.name-required"));
                else if (ParseType(l.OrganisationType) is not { } type) rows.Add(Reject(l, "organisation.type-required"));
                else if (organisations.ContainsKey(l.Name)) rows.Add(new(l.Number, l.Kind, l.Name, ImportOutcome.Unchanged, null, null));
                else if (newOrganisations.ContainsKey(l.Name)) rows.Add(Reject(l, "organisation.name-taken"));
                else
                {
                    var id = OrganisationId.New();
                    newOrganisations[l.Name] = (id, type);
                    rows.Add(new(l.Number, l.Kind, l.Name, ImportOutcome.Create, null, null));
                    if (!c.DryRun)
                    {
                        session.Events.StartStream<Organisation>(id.Value,
                            new OrganisationRegistered(id, l.Name.Trim(), type, gate.Now, c.Actor.UserId, "import"));
                        gate.Record(c.Actor, AccessAction.Create, $"organisation:{id}", null, [new SubjectOutcome(null, AccessBasis.None, true)]);
                    }
                }
                continue;
            }
            if (!IsProfessional(l.Kind)) { rows.Add(Reject(l, "import.kind")); continue; }

            string? problem = null;
            var role = ParseRole(l.Role);
            Guid? organisationId = null;
            string? organisationName = null;
            if (string.IsNullOrWhiteSpace(l.Name)) problem = "account.name-required";
            else if (!System.Net.Mail.MailAddress.TryCreate(l.Email, out _)) problem = "account.email-invalid";
            else if (role is null) problem = "account.role-not-professional";
            else if (organisations.TryGetValue(l.Organisation, out var existing))
            {
                if (!existing.Active) problem = "organisation.inactive";
                (organisationId, organisationName) = (existing.Id.Value, existing.Name);
            }
            else if (newOrganisations.TryGetValue(l.Organisation, out var created)) (organisationId, organisationName) = (created.Id.Value, l.Organisation.Trim());
            else problem = "organisation.unknown";
            if (problem is null && (!emails.Add(l.Email) || await users.FindByEmailAsync(l.Email) is not null)) problem = "account.email-taken";
            if (problem is not null) { rows.Add(Reject(l, problem)); continue; }

            rows.Add(new(l.Number, l.Kind, l.Name, ImportOutcome.Create, null, null));
            if (c.DryRun) continue;
            var user = new NetworkUser
            {
                Id = Guid.CreateVersion7(), UserName = l.Email, Email = l.Email, DisplayName = l.Name, Role = role!.Value,
                OrganisationId = organisationId, Organisation = organisationName, LockoutEnabled = true,
            };
            if (!(await users.CreateAsync(user)).Succeeded) { rows[^1] = Reject(l, "account.invalid"); continue; }
            session.Events.StartStream(user.Id, new ProfessionalAccountCreated(new UserId(user.Id), user.DisplayName, user.Email, user.Role,
                new OrganisationId(organisationId!.Value), c.Actor.UserId, "import", gate.Now));
            gate.Record(c.Actor, AccessAction.Create, $"account:{user.Id}", null, [new SubjectOutcome(null, AccessBasis.None, true)]);
            toCreate.Add((l, user));
        }

        if (!c.DryRun)
        {
            await gate.SaveAsync(ct);
            foreach (var (_, user) in toCreate)
                await mail.ActivationAsync(user, await tokens.IssueAsync(user.Id, AccountTokenPurpose.Activation, options.Value.ActivationLifetime, null, false, ct), ct);
        }
        return new ImportResultView(c.DryRun, rows.Count(r => r.Outcome == ImportOutcome.Create), rows.Count(r => r.Outcome == ImportOutcome.Unchanged),
            rows.Count(r => r.Outcome == ImportOutcome.Rejected), rows);
    }

    private static List<Line> Parse(string csv)
    {
        var all = csv.Replace("\r\n", "\n").Split('\n');
        var header = Array.FindIndex(all, l => !string.IsNullOrWhiteSpace(l));
        if (header < 0) throw new DomainRuleViolation("import.empty");
        var separator = all[header].Count(ch => ch == ';') >= all[header].Count(ch => ch == ',') ? ';' : ',';
        var columns = all[header].Split(separator).Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        int Column(params string[] names) => columns.FindIndex(names.Contains);
        var (kind, name, org, type, role, email) = (Column("kind", "soort"), Column("name", "naam"), Column("organisation", "organisatie"),
            Column("organisationtype", "organisatietype", "type"), Column("role", "rol"), Column("email", "e-mail"));
        if (kind < 0 || name < 0) throw new DomainRuleViolation("import.header");
        var lines = new List<Line>();
        for (var i = header + 1; i < all.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(all[i])) continue;
            var cells = all[i].Split(separator).Select(v => v.Trim().Trim('"').Trim()).ToArray();
            string Cell(int index) => index >= 0 && index < cells.Length ? cells[index] : "";
            lines.Add(new Line(i + 1, Cell(kind).ToLowerInvariant(), Cell(name), Cell(org), Cell(type), Cell(role), Cell(email)));
        }
        return lines;
    }

    private static bool IsOrganisation(string kind) => kind is "organisation" or "organisatie";

    private static bool IsProfessional(string kind) => kind is "professional" or "account" or "medewerker";

    private static OrganisationType? ParseType(string value) => value.Trim().ToLowerInvariant() switch
    {
        "buurtteam" or "wijkteam" => OrganisationType.NeighbourhoodTeam,
        "jeugdhulp" or "jeugdhulpaanbieder" => OrganisationType.YouthCareProvider,
        "jgz" or "huisarts" or "jeugdgezondheidszorg" => OrganisationType.YouthHealth,
        "gi" or "gecertificeerde instelling" => OrganisationType.CertifiedInstitution,
        "raad" or "raad voor de kinderbescherming" => OrganisationType.ChildProtectionBoard,
        "gemeente" => OrganisationType.Municipality,
        var v => Enum.TryParse<OrganisationType>(v, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : null,
    };

    private static ActorRole? ParseRole(string value) => value.Trim().ToLowerInvariant() switch
    {
        "buurtteam" or "wijkteam" => ActorRole.NeighbourhoodTeam,
        "jeugdhulp" => ActorRole.YouthCare,
        "jgz" or "jeugdarts" or "huisarts" or "poh-jeugd" => ActorRole.YouthHealth,
        "jeugdbeschermer" or "gezinsvoogd" => ActorRole.FamilyGuardian,
        "jeugdreclasseerder" => ActorRole.ProbationOfficer,
        "raad" or "raadsonderzoeker" => ActorRole.ChildProtectionBoard,
        "contractmanager" => ActorRole.ContractManager,
        var v => Enum.TryParse<ActorRole>(v, ignoreCase: true, out var r) && ContractManagers.IsAccountRole(r) ? r : null,
    };
}

public static class ImportRegionEndpoint
{
    public static IEndpointRouteBuilder MapImportRegion(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/import", async (HttpRequest request, bool? dryRun, IMediator m, CancellationToken ct) =>
            {
                // The file as text/csv, or (from the app) as JSON: { "csv": "..." }.
                string csv;
                if (request.HasJsonContentType())
                    csv = (await request.ReadFromJsonAsync<ImportRequest>(ct))?.Csv ?? "";
                else
                {
                    using var reader = new StreamReader(request.Body);
                    csv = await reader.ReadToEndAsync(ct);
                }
                if (csv.Length > 2_000_000) throw new DomainRuleViolation("import.too-large");
                var english = request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
                return TypedResults.Ok(await m.Send(new ImportRegion(request.HttpContext.User.ToActor(), csv, dryRun ?? true, english), ct));
            })
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .Accepts<string>("text/csv")
            .WithTags("Administration")
            .WithName("ImportRegion")
            .WithSummary("Imports organisations and professionals from CSV; dryRun (default true) only shows what would change.");
        return app;
    }
}
