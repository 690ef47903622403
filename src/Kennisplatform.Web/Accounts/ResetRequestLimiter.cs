using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

/// <summary>Limits "wachtwoord vergeten" per network address and per e-mail address, so the form cannot flood a mailbox.</summary>
public sealed class ResetRequestLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ResetRequestLimiter(IOptions<AccountMailOptions> options) =>
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("ip:", StringComparison.Ordinal) ? options.Value.ResetRequestsPerHourFromOneNetwork : options.Value.ResetRequestsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public bool Allows(string networkAddress, string email)
    {
        using var byNetwork = limiter.AttemptAcquire("ip:" + networkAddress);
        using var byEmail = limiter.AttemptAcquire("mail:" + email.ToLowerInvariant());
        return byNetwork.IsAcquired && byEmail.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
