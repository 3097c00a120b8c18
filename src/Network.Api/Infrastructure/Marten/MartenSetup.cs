using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Network.Api.Features.Boards;
using Network.Api.Features.Families;
using Network.Api.Features.Notifications;
using Network.Api.Features.Registry;
using Network.Api.Infrastructure.Realtime;
using Weasel.Core;

namespace Network.Api.Infrastructure.Marten;

public static class MartenSetup
{
    public const string Schema = "network";

    public static IServiceCollection AddNetworkMarten(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(sp =>
        {
            var options = new StoreOptions();
            options.Connection(connectionString);
            options.DatabaseSchemaName = Schema;
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);

            // Write models: the domain aggregates, rebuilt through their Evolve functions.
            options.Projections.Add<FamilyProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<BoardProjection>(ProjectionLifecycle.Inline);
            // An item is built from its own few events when a write needs it; reads go to the item rows (Gate/ItemRows).
            options.Projections.Add<ItemProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<PersonProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<OrganisationProjection>(ProjectionLifecycle.Inline);

            // Read models, in the same transaction as the events.
            options.Projections.Add(new ItemRowsProjection(), ProjectionLifecycle.Inline);
            options.Projections.Add<FamilyRosterProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<BoardListingProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<RegistryEntryProjection>(ProjectionLifecycle.Inline);
            options.Schema.For<Notification>().Index(n => n.UserId);
            options.Schema.For<RegistryEntry>().Index(e => e.DateOfBirth).Index(e => e.Bsn!).Index(e => e.RegisteredBy);
            options.Schema.For<FamilyRoster>().GinIndexJsonData();
            options.Schema.For<BoardListing>().Index(b => b.FamilyId);

            // Thin pushes to SignalR, only after the transaction committed.
            options.Listeners.Add(sp.GetRequiredService<BoardChangePublisher>());
            options.Listeners.Add(sp.GetRequiredService<NotificationListener>());
            return options;
        }).UseLightweightSessions();

        return services;
    }
}
