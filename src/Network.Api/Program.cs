using System.Text.Json.Serialization;
using Mediator;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Network.Api.Features.AccessLog;
using Network.Api.Features.Account;
using Network.Api.Features.Accounts;
using Network.Api.Features.Appointments;
using Network.Api.Features.Consultations;
using Network.Api.Features.Documents;
using Network.Api.Features.Search;
using Network.Api.Features.Table;
using Network.Api.Features.Boards;
using Network.Api.Features.Emergency;
using Network.Api.Features.Families;
using Network.Api.Features.Fhir;
using Network.Api.Features.Figures;
using Network.Api.Features.Items;
using Network.Api.Features.Plans;
using Network.Api.Infrastructure.Gate;
using Network.Api.Features.Notifications;
using Network.Api.Features.Voice;
using Network.Api.Features.Organisations;
using Network.Api.Features.Registry;
using Network.Api.Infrastructure.Audit;
using Network.Api.Infrastructure.Auth;
using Network.Api.Infrastructure.Http;
using Network.Api.Infrastructure.Marten;
using Network.Api.Infrastructure.Realtime;
using Network.Api.Infrastructure.Setup;
using Scalar.AspNetCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var connectionString = Database.Tuned(builder.Configuration.GetConnectionString("Network")
    ?? throw new InvalidOperationException("ConnectionStrings:Network is not configured (scripts/run.sh sets it)."));

builder.Services.AddSerilog((sp, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
// Enums travel as names ("Parent", "Ots"), never as numbers; unreadable input throws, so ProblemMapping explains it.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck("postgres", new PostgresHealthCheck(connectionString), tags: ["ready"]);

builder.Services.AddMediator((MediatorOptions o) =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.PipelineBehaviors = [typeof(GateBehaviour<,>), typeof(ValidationBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

builder.Services.AddAntiforgery();
builder.Services.AddSignalR();
builder.Services.AddNetworkScaleOut(builder.Configuration);
builder.Services.AddSingleton<BoardChangePublisher>();
builder.Services.AddHostedService<BoardChangePusher>();
builder.Services.AddFamilyVoice();
builder.Services.AddNetworkMarten(connectionString);
builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton<AccessLogStore>();
builder.Services.AddSingleton<AccessLogAnchors>();
builder.Services.AddHostedService<AccessLogAnchoring>();
builder.Services.AddSingleton<TableCache>();
builder.Services.AddSingleton<FamilySnapshots>();
builder.Services.AddScoped<Gate>();
builder.Services.AddScoped<FamilyContexts>();
builder.Services.AddScoped<ItemWrites>();
builder.Services.AddScoped<ConsultationMail>();
builder.Services.AddSingleton<ConsultationInvitations>();
builder.Services.AddHostedService<ConsultationInvitationSender>();
builder.Services.Configure<DocumentOptions>(builder.Configuration.GetSection("Network:Documents"));
builder.Services.AddSingleton<IFileStore, PostgresFileStore>();
builder.Services.AddSingleton<FileSweeper>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<FileSweeper>());
builder.Services.AddScoped<FamilyWrites>();
builder.Services.AddScoped<PersonAccess>();
builder.Services.AddScoped<Duplicates>();
builder.Services.AddScoped<AccessLogVisits>();
builder.Services.AddScoped<AccessLogVerification>();
builder.Services.AddNetworkAuth(builder.Configuration, connectionString, builder.Environment);
builder.Services.AddFrontDoor(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddFigures(builder.Configuration);
builder.Services.AddHostedService<DatabaseInitializer>();

var app = builder.Build();

app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseFrontDoor();
app.UseEmptyIdsAsNotFound();
// Here, not in a branch: a branch's UseAuthentication is not seen by WebApplication, which then
// puts one of its own in front of the whole pipeline (before the front door and the exception handler).
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// The API's description is for developers: off in Production unless Network:FrontDoor:ApiReference is true.
var apiReference = !app.Environment.IsProduction() || app.Configuration.GetValue<bool>($"{FrontDoor.Section}:ApiReference");
if (apiReference)
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
if (apiReference) app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription();

app.MapAccount();
app.MapAccounts();
app.MapMe();
app.MapConnect();
app.MapBoards();
app.MapItems();
app.MapDocuments();
app.MapAppointments();
app.MapConsultations();
app.MapSearch();
app.MapPlans();
app.MapRegistry();
app.MapFamilies();
app.MapDirectory();
app.MapAccessLog();
app.MapAuthorizationTable();
app.MapEmergency();
app.MapNotifications();
app.MapFhir();
app.MapFigures();
app.MapFamilyVoice();
app.MapHub<BoardHub>(BoardHub.Path);

app.Run();

/// <summary>The API's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
