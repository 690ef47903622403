using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// The one-time link that lets the first administrator be created in the browser. It exists only while no
/// administrator exists, works once, and expires after <see cref="Lifetime"/>. Its code is stored as a hash in the
/// database, so the link works whichever node behind the load balancer answers. Every node's start adds a code of its
/// own (the link it prints), so the link from any node's log works, not only the last one's.
/// </summary>
public sealed class SetupLink(AccountsDb db, TimeProvider clock)
{
    public const string Path = "/beheer/installeren";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private DateTime ValidSince => clock.GetUtcNow().UtcDateTime - Lifetime;

    /// <summary>Makes a new code and forgets expired ones. The caller prints it; this object never shows it again.</summary>
    public async Task<string> IssueAsync()
    {
        var code = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var validSince = ValidSince;
        await db.SetupCodes.Where(c => c.IssuedAt < validSince).ExecuteDeleteAsync();
        db.SetupCodes.Add(new SetupCode { Hash = Hash(code), IssuedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return code;
    }

    public Task<bool> IsOpenAsync()
    {
        var validSince = ValidSince;
        return db.SetupCodes.AnyAsync(c => c.IssuedAt >= validSince);
    }

    // A lookup by the SHA-256 of a 256-bit secret: timing tells nothing useful about a code nobody has.
    public async Task<bool> MatchesAsync(string? code)
    {
        if (!Usable(code))
            return false;
        var (hash, validSince) = (Hash(code!), ValidSince);
        return await db.SetupCodes.AnyAsync(c => c.Hash == hash && c.IssuedAt >= validSince);
    }

    /// <summary>
    /// Runs <paramref name="create"/> if the code is right and still unused, one caller at a time on any node: the code
    /// is taken out of the database first, and put back only when <paramref name="create"/> refuses, so a rejected
    /// password does not burn the link.
    /// </summary>
    public async Task<SetupOutcome> UseAsync(string? code, Func<Task<bool>> create)
    {
        if (!Usable(code))
            return SetupOutcome.Closed;
        var (hash, validSince) = (Hash(code!), ValidSince);
        var taken = await db.SetupCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Hash == hash && c.IssuedAt >= validSince);
        if (taken is null || await db.SetupCodes.Where(c => c.Hash == hash).ExecuteDeleteAsync() == 0)
            return SetupOutcome.Closed;
        var done = false;
        try
        {
            done = await create();
            return done ? SetupOutcome.Done : SetupOutcome.Refused;
        }
        finally
        {
            if (!done)
            {
                db.SetupCodes.Add(new SetupCode { Hash = hash, IssuedAt = taken.IssuedAt });
                await db.SaveChangesAsync();
            }
        }
    }

    public Task CloseAsync() => db.SetupCodes.ExecuteDeleteAsync();

    private static bool Usable(string? code) => !string.IsNullOrEmpty(code) && code.Length <= 100;

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}

/// <summary>The hash of the current one-time setup code, shared by every node.</summary>
public class SetupCode
{
    public byte[] Hash { get; set; } = [];
    public DateTime IssuedAt { get; set; }
}

public enum SetupOutcome { Done, Refused, Closed }

public static class SetupLinkStartup
{
    /// <summary>
    /// When no administrator exists: issues the one-time code and, once the server listens, logs the full link for
    /// every address it listens on. Nothing is printed, and the page answers 404, once an administrator exists.
    /// </summary>
    public static async Task OfferSetupLinkAsync(this WebApplication app)
    {
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
                return;
            code = await scope.ServiceProvider.GetRequiredService<SetupLink>().IssueAsync();
        }
        var query = $"{SetupLink.Path}?code={code}";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var links = addresses.Count == 0 ? [query] : addresses.Select(a => a.TrimEnd('/') + query).ToList();
            app.Logger.LogWarning(
                "No administrator yet. Open this one-time link to create the first one (it works once, for 24 hours, and only until an administrator exists): {Links}. Or run: dotnet run --project src/Kennisplatform.Web -- create-admin --email you@example.org",
                string.Join(" ", links));
        });
    }
}
