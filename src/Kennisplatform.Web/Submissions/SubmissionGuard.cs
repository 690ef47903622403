using System.Globalization;
using Kennisplatform.Content.Limits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Submissions;

public sealed class SubmissionOptions
{
    /// <summary>Submissions allowed from one address per hour.</summary>
    public int PerHour { get; set; } = 5;
    /// <summary>A person needs longer than this to fill in the form; a script does not.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(4);
}

public enum Verdict { Accept, TooFast, Expired, Honeypot, TooMany }

/// <summary>
/// Spam protection without a third-party service: a field people never see (bots fill it), a signed time stamp
/// in the form (a post seconds after loading it is a script), and a limit per address, counted in the database so
/// every node behind the load balancer counts against the same limit.
/// </summary>
public sealed class SubmissionGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<SubmissionOptions> options, RateLimits limits)
{
    private const string LimitScope = "submissions";
    private readonly IDataProtector protector = protection.CreateProtector("Kennisplatform.Submissions.FormTime");

    /// <summary>The value of the form's hidden time field: when the form was shown, signed so it cannot be forged.</summary>
    public string Stamp() => protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public async Task<Verdict> CheckAsync(string? stamp, string? honeypot, string address)
    {
        if (!string.IsNullOrEmpty(honeypot))
            return Verdict.Honeypot;
        DateTime shown;
        try
        {
            shown = new DateTime(long.Parse(protector.Unprotect(stamp ?? ""), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return Verdict.Expired;
        }
        var elapsed = clock.GetUtcNow().UtcDateTime - shown;
        if (elapsed < options.Value.MinimumFillTime)
            return Verdict.TooFast;
        if (elapsed > TimeSpan.FromDays(1))
            return Verdict.Expired;
        return await limits.TryTakeAsync(LimitScope, address, options.Value.PerHour, TimeSpan.FromHours(1)) ? Verdict.Accept : Verdict.TooMany;
    }
}
