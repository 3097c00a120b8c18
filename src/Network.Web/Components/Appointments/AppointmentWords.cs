using static Network.Web.Texts;

namespace Network.Web.Components.Appointments;

public static class AppointmentWords
{
    public static string Duration(int minutes) => minutes switch
    {
        < 60 => T($"{minutes} minuten", $"{minutes} minutes"),
        60 => T("1 uur", "1 hour"),
        _ when minutes % 60 == 0 => T($"{minutes / 60} uur", $"{minutes / 60} hours"),
        _ => T($"{minutes / 60} uur en {minutes % 60} minuten", $"{minutes / 60} h {minutes % 60} min"),
    };

    /// <summary>"di 1-12-2026 10:00 tot 11:00" in Dutch time.</summary>
    public static string When(AppointmentView a)
    {
        var end = TimeZoneInfo.ConvertTime(a.Start.AddMinutes(a.DurationMinutes), DutchTime);
        return $"{AppointmentMoment(a.Start)} {T("tot", "to")} {end:HH:mm}";
    }
}
