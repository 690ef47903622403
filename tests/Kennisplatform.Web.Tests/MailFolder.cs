using System.Text.RegularExpressions;
using MimeKit;

namespace Kennisplatform.Web.Tests;

/// <summary>Reads the .eml files the platform writes to &lt;data&gt;/mail/ when no SMTP server is set.</summary>
public static partial class MailFolder
{
    public static string Of(SiteFactory site) => Path.Combine(site.DataFolder, "mail");

    public static IReadOnlyList<MimeMessage> All(SiteFactory site) =>
        Directory.Exists(Of(site))
            ? Directory.GetFiles(Of(site), "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>Waits (the sender works in the background) for a mail to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<MimeMessage> WaitForAsync(SiteFactory site, string to, string subject, int count = 1)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            var found = All(site).Where(m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
                return found[count - 1];
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {to} about '{subject}' arrived; there are: {string.Join("; ", All(site).Select(m => m.To + " " + m.Subject))}");
    }

    /// <summary>The first link in the text part that contains <paramref name="pathPart"/>, as a local path with query.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var url = UrlPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(u => u.Contains(pathPart, StringComparison.Ordinal));
        return new Uri(url).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
