using Kennisplatform.Content.Mail;
using Kennisplatform.Web.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kennisplatform.Web.Mail;

/// <summary>Delivers one mail, or throws. SMTP when configured, else a .eml file in the data folder.</summary>
public interface IMailTransport
{
    Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken);
}

public static class MimeMessages
{
    public static MimeMessage From(OutboxMail mail, MailOptions options)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = new DateTimeOffset(mail.CreatedAt, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        if (mail.ReplyTo.Length > 0)
            message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo));
        if (mail.UnsubscribeUrl.Length > 0)
        {
            // RFC 8058: a mail program may offer "afmelden" and POST to this address without showing a page.
            message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        if (mail.Attachment is { } data)
            body.Attachments.Add(mail.AttachmentName, data, ContentType.Parse(mail.AttachmentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}

public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        var security = settings.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (settings.UserName.Length > 0)
            await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>The embedded default: every mail becomes a file &lt;data&gt;/mail/&lt;time&gt;-&lt;id&gt;.eml that any mail program opens.</summary>
public sealed class FolderTransport(IOptions<PlatformOptions> platform) : IMailTransport
{
    public string Folder => Path.Combine(platform.Value.DataFolder, "mail");

    public async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{(message.MessageId ?? "mail").Split('.')[0]}.eml";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true); // a reader never sees half a file; a repeat replaces, never doubles
    }
}
