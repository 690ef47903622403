using System.Globalization;
using System.Security.Cryptography;
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

/// <summary>
/// What the guard makes of a post. <see cref="Invalid"/>: the form's own fields have mistakes; the limit was not asked.
/// <see cref="Ignore"/>: a bot filled the hidden field, or this form was already sent once (a double click or a replay);
/// the sender sees the usual thank-you and nothing is stored.
/// </summary>
public enum Verdict { Accept, Invalid, TooFast, Expired, Ignore, TooMany }

/// <summary>
/// Spam protection without a third-party service: a field people never see (bots fill it), a signed time stamp
/// in the form (a post seconds after loading it is a script) that is good for one accepted post, and a limit per
/// address. Used stamps and the limit are counted in the database, so every node behind the load balancer knows them.
/// </summary>
public sealed class SubmissionGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<SubmissionOptions> options, RateLimits limits)
{
    private const string LimitScope = "submissions";
    private const string StampScope = "used-stamps";
    private static readonly TimeSpan StampLifetime = TimeSpan.FromDays(1);
    private readonly IDataProtector protector = protection.CreateProtector("Kennisplatform.Submissions.FormTime");

    /// <summary>
    /// The value of the form's hidden time field: when the form was shown and a random number that makes this copy of
    /// the form unique, signed so it cannot be forged.
    /// </summary>
    public string Stamp() => protector.Protect(
        clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>
    /// Judges a post of a public form. A post whose own fields have mistakes (<paramref name="fieldsValid"/> false) is
    /// <see cref="Verdict.Invalid"/> before the limit is asked: only posts that are accepted use up the hourly limit,
    /// never a refusal the visitor can put right. An accepted post uses up its stamp: the same form sent again is
    /// <see cref="Verdict.Ignore"/>d.
    /// </summary>
    public async Task<Verdict> CheckAsync(HttpContext context, string? stamp, string? honeypot, bool fieldsValid)
    {
        if (!string.IsNullOrEmpty(honeypot))
            return Verdict.Ignore;
        if (!fieldsValid)
            return Verdict.Invalid;
        if (stamp is null || Read(stamp) is not var (shown, copy))
            return Verdict.Expired;
        var elapsed = clock.GetUtcNow().UtcDateTime - shown;
        if (elapsed < options.Value.MinimumFillTime)
            return Verdict.TooFast;
        if (elapsed > StampLifetime)
            return Verdict.Expired;
        // One permit per copy of the form, kept as long as the stamp is good: a second post of it finds it taken.
        if (!await limits.TryTakeAsync(StampScope, copy, 1, StampLifetime, context.RequestAborted))
            return Verdict.Ignore;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        return await limits.TryTakeAsync(LimitScope, address, options.Value.PerHour, TimeSpan.FromHours(1), context.RequestAborted) ? Verdict.Accept : Verdict.TooMany;
    }

    /// <summary>
    /// The answer to a refused post, the same on every public form: its status code and, where the visitor can act on
    /// it, a Dutch message. <paramref name="sent"/> names what the form sends ("verhalen"); <paramref name="check"/>
    /// what to look over before sending again ("je verhaal"), or null.
    /// </summary>
    public static (int Status, string? Problem) Refusal(Verdict verdict, string sent, string? check) => verdict switch
    {
        Verdict.TooMany => (StatusCodes.Status429TooManyRequests, $"Er zijn vanaf dit adres in het afgelopen uur al veel {sent} gestuurd. Probeer het later opnieuw."),
        Verdict.TooFast or Verdict.Expired => (StatusCodes.Status422UnprocessableEntity,
            "Het formulier is te snel of te laat verstuurd. " + (check is null ? "Verstuur het nog een keer." : $"Controleer {check} en verstuur het nog een keer.")),
        _ => (StatusCodes.Status422UnprocessableEntity, null),
    };

    private (DateTime Shown, string Copy)? Read(string stamp)
    {
        try
        {
            var parts = protector.Unprotect(stamp).Split('.');
            if (parts.Length != 2 || parts[1].Length != 32 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTime.MaxValue.Ticks)
                return null;
            return (new DateTime(ticks, DateTimeKind.Utc), parts[1]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
