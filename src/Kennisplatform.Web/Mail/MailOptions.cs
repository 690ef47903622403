namespace Kennisplatform.Web.Mail;

public enum SmtpSecurity { Auto, StartTls, Tls, None }

/// <summary>
/// Section Kennisplatform:Mail. Without <see cref="SmtpHost"/> mails are written as .eml files to &lt;data&gt;/mail/.
/// Secrets come from the environment: Kennisplatform__Mail__Password.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Kennisplatform:Mail";

    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "noreply@kennisplatform-wijken.nl";
    public string FromName { get; set; } = "Kennisplatform wijken";
    /// <summary>Where messages to "de redactie" go; empty: to every redacteur and beheerder account.</summary>
    public string EditorsAddress { get; set; } = "";

    /// <summary>How often a node looks for mail another node (or an earlier run) left waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(2);
    /// <summary>About two days of retries with the defaults above.</summary>
    public int MaxAttempts { get; set; } = 30;
    /// <summary>How long a claimed mail stays with the node that claimed it; a node that died lets go after this.</summary>
    public TimeSpan ClaimTime { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Sent mails are kept this long (for the status line), then deleted.</summary>
    public int KeepSentDays { get; set; } = 7;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
