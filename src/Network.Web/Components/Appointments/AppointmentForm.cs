using System.Globalization;
using Network.Web.Components.Boards;

namespace Network.Web.Components.Appointments;

/// <summary>
/// An appointment as the form holds it: a day and a time in Dutch time, a duration, a place or a
/// video link, the people taking part. <see cref="Check"/> says what is missing, in words.
/// </summary>
public sealed class AppointmentForm
{
    public string Title { get; set; } = "";
    public DateOnly? Day { get; set; }
    /// <summary>The time as the browser sends it: "14:30" or "14:30:00".</summary>
    public string TimeText { get; set; } = "";

    public TimeOnly? Time => TimeOnly.TryParseExact(TimeText.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture,
        DateTimeStyles.None, out var time) ? time : null;
    public int DurationMinutes { get; set; } = 60;
    public string Place { get; set; } = "";
    public string VideoLink { get; set; } = "";
    public HashSet<Guid> Persons { get; } = [];
    public HashSet<Guid> Users { get; } = [];

    public static readonly int[] Durations = [15, 30, 45, 60, 90, 120, 180, 240];

    public DateTimeOffset? Start => Day is { } day && Time is { } time ? Texts.FromDutchTime(day, time) : null;

    /// <summary>The form filled from an existing appointment, to change it.</summary>
    public static AppointmentForm From(ItemView item)
    {
        var a = item.Appointment!;
        var local = TimeZoneInfo.ConvertTime(a.Start, Texts.DutchTime);
        var form = new AppointmentForm
        {
            Title = item.Text, Day = DateOnly.FromDateTime(local.DateTime), TimeText = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            DurationMinutes = a.DurationMinutes, Place = a.Place ?? "", VideoLink = a.VideoLink ?? "",
        };
        foreach (var p in a.Participants)
        {
            if (p.PersonId is { } person) form.Persons.Add(person);
            if (p.UserId is { } user) form.Users.Add(user);
        }
        return form;
    }

    /// <summary>Null when the appointment can be sent, else what to fix.</summary>
    public string? Check()
    {
        if (string.IsNullOrWhiteSpace(Title)) return Texts.T("Geef de afspraak een titel.", "Give the appointment a title.");
        if (Start is null) return Texts.T("Kies een datum en een tijd.", "Choose a date and a time.");
        if (DurationMinutes is < 5 or > 24 * 60) return Texts.T("Kies hoe lang de afspraak duurt.", "Choose how long the appointment lasts.");
        if (!string.IsNullOrWhiteSpace(VideoLink) && !IsWebLink(VideoLink.Trim()))
            return Texts.T("De videolink moet beginnen met https://", "The video link must start with https://");
        return null;
    }

    /// <summary>A checkbox of a set of people: on adds, off removes.</summary>
    public static void Toggle(HashSet<Guid> set, Guid id, bool on)
    {
        if (on) set.Add(id); else set.Remove(id);
    }

    public static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    private static string? OrNull(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public ChangeAppointmentRequest ToChange() =>
        new(Title.Trim(), Start, DurationMinutes, OrNull(Place), OrNull(VideoLink), [.. Persons], [.. Users]);

    public PostAppointmentRequest ToPost(DraftFacts facts) =>
        new(Title.Trim(), Start, DurationMinutes, OrNull(Place), OrNull(VideoLink), [.. Persons], [.. Users],
            facts.Category, [.. facts.About], facts.AudienceKind, facts.NamedList is { Count: > 0 } named ? named : null);
}
