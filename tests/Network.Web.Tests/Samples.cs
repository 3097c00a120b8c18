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
}
