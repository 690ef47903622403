using System.Globalization;
using System.Threading.RateLimiting;
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
/// in the form (a post seconds after loading it is a script), and a limit per address.
/// </summary>
public sealed class SubmissionGuard : IDisposable
{
    private readonly IDataProtector protector;
    private readonly TimeProvider clock;
    private readonly SubmissionOptions options;
    private readonly PartitionedRateLimiter<string> limiter;

    public SubmissionGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<SubmissionOptions> options)
    {
        protector = protection.CreateProtector("Kennisplatform.Submissions.FormTime");
        this.clock = clock;
        this.options = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = this.options.PerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>The value of the form's hidden time field: when the form was shown, signed so it cannot be forged.</summary>
    public string Stamp() => protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public Verdict Check(string? stamp, string? honeypot, string address)
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
        if (elapsed < options.MinimumFillTime)
            return Verdict.TooFast;
        if (elapsed > TimeSpan.FromDays(1))
            return Verdict.Expired;
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired ? Verdict.Accept : Verdict.TooMany;
    }

    public void Dispose() => limiter.Dispose();
}
