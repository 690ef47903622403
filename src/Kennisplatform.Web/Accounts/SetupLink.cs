using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// The one-time link that lets the first administrator be created in the browser. It exists only while no
/// administrator exists, lives in memory only (a restart prints a new one), is stored as a hash, and works once.
/// </summary>
public sealed class SetupLink
{
    public const string Path = "/beheer/installeren";

    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? hash;

    /// <summary>Makes a new code and forgets any earlier one. The caller prints it; this object never shows it again.</summary>
    public string Issue()
    {
        var code = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        hash = Hash(code);
        return code;
    }

    public bool IsOpen => hash is not null;

    public bool Matches(string? code) =>
        hash is { } expected && !string.IsNullOrEmpty(code) && code.Length <= 100 && CryptographicOperations.FixedTimeEquals(Hash(code), expected);

    /// <summary>
    /// Runs <paramref name="create"/> if the code is right and still unused, one caller at a time; the code is used up
    /// only when <paramref name="create"/> succeeds, so a rejected password does not burn the link.
    /// </summary>
    public async Task<SetupOutcome> UseAsync(string? code, Func<Task<bool>> create)
    {
        await gate.WaitAsync();
        try
        {
            if (!Matches(code))
                return SetupOutcome.Closed;
            if (!await create())
                return SetupOutcome.Refused;
            hash = null;
            return SetupOutcome.Done;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Close() => hash = null;

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
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
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
            if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
                return;
        }
        var code = app.Services.GetRequiredService<SetupLink>().Issue();
        var query = $"{SetupLink.Path}?code={code}";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var links = addresses.Count == 0 ? [query] : addresses.Select(a => a.TrimEnd('/') + query).ToList();
            app.Logger.LogWarning(
                "No administrator yet. Open this one-time link to create the first one (it works once, and only until an administrator exists or the platform restarts): {Links}. Or run: dotnet run --project src/Kennisplatform.Web -- create-admin --email you@example.org",
                string.Join(" ", links));
        });
    }
}
