using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Network.Api.Infrastructure.Mail;

/// <summary>Where mail goes (Network:Mail). Without a host, nothing is sent and a line without the content is logged.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Network <noreply@network.localhost>";
}

/// <summary>One e-mail: plain text, to one address; optionally with an iCalendar invitation.</summary>
public sealed record MailMessage(string To, string ToName, string Subject, string Text, MailCalendar? Calendar = null);

/// <summary>An iCalendar object sent along (text/calendar with its METHOD: REQUEST, CANCEL).</summary>
public sealed record MailCalendar(string Method, string Ics, string FileName);

/// <summary>
/// Sends e-mail through SMTP (MailKit). The body carries links and codes, so it is never logged:
/// a log line names only the recipient's account and the subject.
/// </summary>
public sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> logger)
{
    /// <summary>Dutch time, for what mails say and when mail goes out.</summary>
    public static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var tz) ? tz : TimeZoneInfo.Utc;

    /// <summary>A moment as a Dutch mail says it: "2 december 2026 09:30", in Dutch time.</summary>
    public static string Dutch(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    public async Task SendAsync(MailMessage mail, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            logger.LogWarning("Mail is not configured (Network:Mail:Host): \"{Subject}\" was not sent", mail.Subject);
            return;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await smtp.SendAsync(Message(mail), ct);
        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Mail \"{Subject}\" sent", mail.Subject);
    }

    /// <summary>
    /// Several mails over one connection; the ones sent are returned (a recipient the server refuses
    /// does not stop the others). Without a mail server configured nothing is sent.
    /// </summary>
    public async Task<IReadOnlySet<MailMessage>> SendAllAsync(IReadOnlyList<MailMessage> mails, CancellationToken ct)
    {
        var o = options.Value;
        var sent = new HashSet<MailMessage>(ReferenceEqualityComparer.Instance);
        if (mails.Count == 0) return sent;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            logger.LogWarning("Mail is not configured (Network:Mail:Host): {Count} mails were not sent", mails.Count);
            return sent;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        foreach (var mail in mails)
        {
            try
            {
                await smtp.SendAsync(Message(mail), ct);
                sent.Add(mail);
            }
            catch (SmtpCommandException e)
            {
                logger.LogWarning("Mail \"{Subject}\" was refused by the mail server: {Message}", mail.Subject, e.Message);
            }
        }
        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("{Count} mails \"{Subject}\" sent", sent.Count, mails[0].Subject);
        return sent;
    }

    private MimeMessage Message(MailMessage mail)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        var text = new TextPart("plain") { Text = mail.Text };
        if (mail.Calendar is { } calendar)
        {
            var ics = new TextPart("calendar") { Text = calendar.Ics };
            ics.ContentType.Charset = "utf-8";
            ics.ContentType.Parameters.Add("method", calendar.Method);
            ics.ContentType.Name = calendar.FileName;
            ics.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = calendar.FileName };
            message.Body = new Multipart("mixed") { text, ics };
        }
        else
        {
            message.Body = text;
        }
        return message;
    }
}
