using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Network.Api.Features.Accounts;

/// <summary>
/// The plain HTML pages of the authorization server (login, second factor, activation, password):
/// one layout, one stylesheet from this site (the Content-Security-Policy allows no inline style or
/// script), Dutch first with the English beside it.
/// </summary>
public static class AccountPages
{
    public const string StylesheetPath = "/account/site.css";

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>The hidden antiforgery field of a form.</summary>
    public static string Antiforgery(HttpContext http, IAntiforgery af)
    {
        var tokens = af.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    public static string Error(string? message) =>
        message is null ? "" : $"""<p class="error" role="alert" id="form-error">{E(message)}</p>""";

    public static IResult Page(string title, string english, string body, int status = 200) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{E(title)}} · Network</title>
          <link rel="stylesheet" href="{{StylesheetPath}}">
        </head>
        <body>
          <main>
            <h1>{{E(title)}}</h1>
            <p class="hint" lang="en">{{E(english)}}</p>
            {{body}}
          </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: status);

    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; }
        main { max-width: 26rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: .5rem; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
        h1 { font-size: 1.5rem; margin-top: 0; }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        input[type=email], input[type=password], input[type=text] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #6a737d; border-radius: .25rem; }
        button { margin-top: 1.5rem; width: 100%; padding: .75rem; font-size: 1rem; background: #0b5cad; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
        button:focus, input:focus, a:focus { outline: 3px solid #f9a825; outline-offset: 2px; }
        a { color: #0b5cad; }
        .error { background: #fdecea; color: #8a1c13; padding: .75rem; border-radius: .25rem; }
        .ok { background: #e6f4ea; color: #1e4620; padding: .75rem; border-radius: .25rem; }
        .hint { color: #4a525a; font-size: .9rem; }
        .secret { font-family: ui-monospace, monospace; font-size: 1.1rem; word-break: break-all; background: #f4f6f8; padding: .5rem; border-radius: .25rem; }
        .links { margin-top: 1.5rem; font-size: .95rem; }
        """;
}
