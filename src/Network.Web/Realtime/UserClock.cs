using System.Globalization;
using Microsoft.JSInterop;

namespace Network.Web.Realtime;

/// <summary>
/// The circuit's user's time zone, asked of their browser once (voice.js); until it is known, and
/// when the browser does not say, the time of the Netherlands.
/// </summary>
public sealed class UserClock(IJSRuntime js)
{
    public static readonly TimeZoneInfo Netherlands =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var tz) ? tz : TimeZoneInfo.Utc;

    public TimeZoneInfo Zone { get; private set; } = Netherlands;

    private bool asked;

    /// <summary>Asks the browser (after the first render: JavaScript is there then); answers whether the zone changed.</summary>
    public async Task<bool> LearnAsync()
    {
        if (asked) return false;
        asked = true;
        try
        {
            var id = await js.InvokeAsync<string>("networkVoice.timeZone");
            if (string.IsNullOrEmpty(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || zone.Id == Zone.Id) return false;
            Zone = zone;
            return true;
        }
        catch (Exception)
        {
            // No browser to ask (prerendering, a closed circuit, a test): the Netherlands' time stays.
            return false;
        }
    }

    /// <summary>A moment in the user's time zone, short, in the user's language.</summary>
    public string Show(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("g", CultureInfo.CurrentCulture);
}
