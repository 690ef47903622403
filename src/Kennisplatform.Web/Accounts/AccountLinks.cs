using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// Single-use links by e-mail: a password reset (valid for <see cref="AccountMailOptions.ResetLinkValidFor"/>) and an
/// invitation (valid longer). Both are Identity tokens bound to the account's security stamp, which changes the
/// moment a password is set, so a link works once.
/// </summary>
public static class AccountLinks
{
    public const string InvitationProvider = "Uitnodiging";
    public const string InvitationPurpose = "Uitnodiging";

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Section Kennisplatform:Accounts.</summary>
public sealed class AccountMailOptions
{
    public TimeSpan ResetLinkValidFor { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan InvitationValidFor { get; set; } = TimeSpan.FromDays(7);
    /// <summary>"Wachtwoord vergeten" requests per hour for one e-mail address.</summary>
    public int ResetRequestsPerHour { get; set; } = 5;
    /// <summary>"Wachtwoord vergeten" requests per hour from one network address, whatever the e-mail address.</summary>
    public int ResetRequestsPerHourFromOneNetwork { get; set; } = 20;
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<Editor>> log)
    : DataProtectorTokenProvider<Editor>(protection, options, log);
