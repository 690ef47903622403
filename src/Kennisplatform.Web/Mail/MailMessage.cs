using System.Net;
using System.Text;
using Kennisplatform.Content.Mail;

namespace Kennisplatform.Web.Mail;

/// <summary>A link in a mail, shown as a button in HTML and as the bare address in plain text.</summary>
public sealed record MailLink(string Text, string Url);

/// <summary>
/// The one way the platform writes a mail: plain Dutch paragraphs, an optional link, both a text and an HTML part.
/// Everything is escaped here, so a name or message typed by a visitor can never become markup.
/// </summary>
public sealed record MailMessage(string Purpose, string ToAddress, string ToName, string Subject, IReadOnlyList<string> Paragraphs)
{
    public MailLink? Link { get; init; }
    public string ReplyTo { get; init; } = "";
    public string UnsubscribeUrl { get; init; } = "";
    /// <summary>Text quoted as is, e.g. a visitor's message, kept apart from the platform's own words.</summary>
    public string Quote { get; init; } = "";
    public (string Name, string ContentType, byte[] Data)? Attachment { get; init; }

    public OutboxMail ToOutbox(DateTime now) => new()
    {
        CreatedAt = now,
        NextAttemptAt = now,
        Purpose = Purpose,
        ToAddress = ToAddress,
        ToName = ToName,
        ReplyTo = ReplyTo,
        Subject = Subject,
        TextBody = Text(),
        HtmlBody = Html(),
        UnsubscribeUrl = UnsubscribeUrl,
        AttachmentName = Attachment?.Name ?? "",
        AttachmentType = Attachment?.ContentType ?? "",
        Attachment = Attachment?.Data,
    };

    private string Text()
    {
        var text = new StringBuilder();
        text.Append(ToName.Length > 0 ? $"Beste {ToName},\n\n" : "Hallo,\n\n");
        foreach (var paragraph in Paragraphs)
            text.Append(paragraph).Append("\n\n");
        if (Quote.Length > 0)
            text.Append(string.Join("\n", Quote.ReplaceLineEndings("\n").Split('\n').Select(l => "> " + l))).Append("\n\n");
        if (Link is { } link)
            text.Append(link.Text).Append(":\n").Append(link.Url).Append("\n\n");
        text.Append("Met vriendelijke groet,\nKennisplatform wijken\n");
        if (UnsubscribeUrl.Length > 0)
            text.Append("\nGeen mail meer ontvangen? Meld je af:\n").Append(UnsubscribeUrl).Append('\n');
        return text.ToString();
    }

    private string Html()
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject)).Append("</title></head>")
            .Append("<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;\">");
        html.Append("<p>").Append(ToName.Length > 0 ? $"Beste {E(ToName)}," : "Hallo,").Append("</p>");
        foreach (var paragraph in Paragraphs)
            html.Append("<p>").Append(E(paragraph).ReplaceLineEndings("<br>")).Append("</p>");
        if (Quote.Length > 0)
            html.Append("<blockquote style=\"border-left: 4px solid #ccc; margin: 0; padding-left: 1em;\">")
                .Append(E(Quote).ReplaceLineEndings("<br>")).Append("</blockquote>");
        if (Link is { } link)
            html.Append("<p><a href=\"").Append(E(link.Url)).Append("\" style=\"display: inline-block; padding: 0.5em 1em; background: #01689b; color: #fff;\">")
                .Append(E(link.Text)).Append("</a></p><p>Werkt de knop niet? Kopieer dit adres in je browser: ").Append(E(link.Url)).Append("</p>");
        html.Append("<p>Met vriendelijke groet,<br>Kennisplatform wijken</p>");
        if (UnsubscribeUrl.Length > 0)
            html.Append("<p style=\"font-size: 14px;\">Geen mail meer ontvangen? <a href=\"").Append(E(UnsubscribeUrl)).Append("\">Meld je af</a>.</p>");
        return html.Append("</body></html>").ToString();
    }
}
