namespace Network.Web.Tests;

/// <summary>Contract values as the API sends them, for the component tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static ItemView Item(
        long version, string author, string text, ActorRole role = ActorRole.YouthCare, bool mayCorrect = false,
        bool corrected = false, bool enteredInError = false, string? errorReason = null, long itemVersion = 1,
        InformationCategory category = InformationCategory.General, IReadOnlyList<Guid>? boards = null, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), version, itemVersion, ItemKind.Note, Guid.CreateVersion7(), author, role, "Jeugdhulp De Brug", text,
            Monday.AddMinutes(version), Monday.AddMinutes(version), category, [], AudienceKind.Everyone, [], corrected, enteredInError,
            errorReason, boards ?? [Guid.Empty], mayCorrect);

    public static IReadOnlyDictionary<string, string> Args(params (string Key, string Value)[] args) =>
        args.ToDictionary(a => a.Key, a => a.Value);

    public static readonly Guid Daan = Guid.Parse("0193a000-0000-7000-8000-0000000000d1");
    public static readonly Guid Noor = Guid.Parse("0193a000-0000-7000-8000-0000000000d2");

    public static IReadOnlyDictionary<Guid, string> People { get; } = new Dictionary<Guid, string> { [Daan] = "Daan Jansen", [Noor] = "Noor Jansen" };

    /// <summary>A document item: a PDF (previewable) with the given versions.</summary>
    public static ItemView Document(long version, string fileName = "verslag.pdf", string contentType = "application/pdf", long size = 245_760,
        bool previewable = true, int versions = 1, bool mayCorrect = false, string text = "Verslag van het gesprek") =>
        Item(version, "Jeroen de Vries", text, mayCorrect: mayCorrect) with
        {
            Kind = ItemKind.Document,
            Document = new DocumentView(fileName, contentType, size, versions, previewable,
                [.. Enumerable.Range(1, versions).Select(v => new DocumentVersionView(v, v == versions ? fileName : $"concept-{v}.pdf",
                    contentType, size, Monday.AddDays(v), "Jeroen de Vries"))]),
        };

    /// <summary>An appointment on Tuesday 1 December 2026 at 10:00 Dutch time (09:00 UTC), an hour.</summary>
    public static ItemView Appointment(long version, string title = "Gesprek op school", bool cancelled = false, string? reason = null,
        bool mayCorrect = false, long itemVersion = 1) =>
        Item(version, "Fatima El Amrani", title, role: ActorRole.NeighbourhoodTeam, mayCorrect: mayCorrect, itemVersion: itemVersion) with
        {
            Kind = ItemKind.Appointment,
            Appointment = new AppointmentView(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), 60, "De Regenboog, Utrecht",
                "https://video.example/gesprek", [new ParticipantView(Daan, null, "Daan Jansen"), new ParticipantView(null, Guid.NewGuid(), "Fatima El Amrani")],
                cancelled, reason, cancelled ? 1 : 0),
        };
}
