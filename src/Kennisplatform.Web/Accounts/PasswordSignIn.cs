using Kennisplatform.Content.Limits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

/// <summary>Section Kennisplatform:SignIn: how many failed password sign-ins are allowed before a pause.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Failures for one e-mail address from one network address, per window.</summary>
    public int PerAddressAndClient { get; set; } = 5;
    /// <summary>Failures from one network address, whatever the e-mail addresses, per window.</summary>
    public int PerClient { get; set; } = 30;
    /// <summary>Failures for one e-mail address from all network addresses together, per window (many machines at once).</summary>
    public int PerAddress { get; set; } = 100;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

public enum PasswordOutcome { SignedIn, NeedsCode, Wrong, Paused, LockedOut }

/// <summary>
/// Signing in with e-mail address and password. The same work and the same answer whether or not the address has an
/// account: an unknown address is checked against a made-up password hash, so it costs one hash like a known one.
/// Failures pause sign-in per e-mail address and network address, per network address and per e-mail address (see
/// <see cref="SignInLimitOptions"/>), counted in the database for every node. Failures do not lock the account, so a
/// stranger who types wrong passwords cannot keep an editor out: they only pause themselves.
/// </summary>
public sealed class PasswordSignIn(UserManager<Editor> users, SignInManager<Editor> signIn, IPasswordHasher<Editor> hasher, RateLimits limits, IOptions<SignInLimitOptions> options)
{
    /// <summary>A hash of a random password made by the site's own hasher (same algorithm and work), once per process.</summary>
    private static string? madeUpHash;

    public async Task<PasswordOutcome> SignInAsync(string email, string password, string client, CancellationToken cancellationToken)
    {
        var address = users.NormalizeEmail(email.Trim()) ?? "";
        var settings = options.Value;
        var keys = new (string Scope, string Key, int Limit)[]
        {
            ("signin-pair", client + "\n" + address, settings.PerAddressAndClient),
            ("signin-client", client, settings.PerClient),
            ("signin-address", address, settings.PerAddress),
        };
        foreach (var (scope, key, limit) in keys)
            if (await limits.IsUsedUpAsync(scope, key, limit, settings.Window, cancellationToken))
                return PasswordOutcome.Paused;

        var user = await users.FindByEmailAsync(address);
        bool right;
        if (user is null)
        {
            madeUpHash ??= hasher.HashPassword(new Editor(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(new Editor(), madeUpHash, password); // the work a known address costs; the answer is no
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(user, password);
        }
        if (!right)
        {
            foreach (var (scope, key, limit) in keys)
                await limits.TryTakeAsync(scope, key, limit, settings.Window, cancellationToken);
            return PasswordOutcome.Wrong;
        }
        // Only someone who knows the password learns that the account is blocked (by a beheerder, or after wrong app codes).
        if (await users.IsLockedOutAsync(user!))
            return PasswordOutcome.LockedOut;
        var result = await signIn.PasswordSignInAsync(user!, password, isPersistent: false, lockoutOnFailure: false);
        return result.Succeeded ? PasswordOutcome.SignedIn
            : result.RequiresTwoFactor ? PasswordOutcome.NeedsCode
            : result.IsLockedOut ? PasswordOutcome.LockedOut
            : PasswordOutcome.Wrong;
    }
}
