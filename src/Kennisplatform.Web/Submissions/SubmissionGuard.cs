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

/// <summary>What the guard makes of a post. <see cref="Invalid"/>: the form's own fields have mistakes; the limit was not asked.</summary>
public enum Verdict { Accept, Invalid, TooFast, Expired, Honeypot, TooMany }

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

    /// <summary>
    /// Judges a post of a public form. A post whose own fields have mistakes (<paramref name="fieldsValid"/> false) is
    /// <see cref="Verdict.Invalid"/> before the limit is asked: only posts that are accepted use up the hourly limit,
    /// never a refusal the visitor can put right.
    /// </summary>
    public async Task<Verdict> CheckAsync(HttpContext context, string? stamp, string? honeypot, bool fieldsValid)
    {
        if (!string.IsNullOrEmpty(honeypot))
            return Verdict.Honeypot;
        if (!fieldsValid)
            return Verdict.Invalid;
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
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        return await limits.TryTakeAsync(LimitScope, address, options.Value.PerHour, TimeSpan.FromHours(1), context.RequestAborted) ? Verdict.Accept : Verdict.TooMany;
    }
}
