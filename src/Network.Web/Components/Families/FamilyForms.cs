using Microsoft.AspNetCore.Components;
using Network.Web.Api;
using static Network.Web.Texts;

namespace Network.Web.Components.Families;

/// <summary>
/// How the family page's forms report a write. Every write sends the family's version as
/// If-Match; when someone else changed the family in the meantime (412) nothing was saved, the
/// page loads the family again and the user is asked to try once more.
/// </summary>
public static class FamilyForms
{
    public static string Stale => T(
        "Iemand anders heeft dit gezin intussen gewijzigd. U ziet nu de nieuwste gegevens; er is niets opgeslagen. Probeer het opnieuw.",
        "Someone else changed this family in the meantime. You now see the latest details; nothing was saved. Please try again.");

    /// <summary>
    /// Tells the page (<paramref name="onChanged"/>: a status to show, or null to only reload) and
    /// answers the error for the form to show, or null when the write was done.
    /// </summary>
    public static async Task<string?> ReportAsync<TValue>(ApiResult<TValue> result, EventCallback<string?> onChanged, string done)
    {
        if (result.Ok)
        {
            await onChanged.InvokeAsync(done);
            return null;
        }
        if (!result.Stale) return result.Problem!.Message;
        await onChanged.InvokeAsync(null);
        return Stale;
    }
}
