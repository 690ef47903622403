using Kennisplatform.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kennisplatform.Web.Accounts;

/// <summary>
/// Passkeys (WebAuthn) through ASP.NET Core Identity's own support. A passkey must be discoverable (so signing in needs
/// no e-mail address) and must check the person (fingerprint, face or PIN), so it is two factors on its own.
/// </summary>
public static class Passkeys
{
    public const int MaxPerAccount = 10;
    public const int MaxNameLength = 60;

    public static void AddPasskeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<PlatformOptions>>((options, platform) =>
        {
            options.UserVerificationRequirement = "required";
            options.ResidentKeyRequirement = "required";
            // The relying party is the host the editor sees; set it explicitly when a proxy changes the Host header.
            if (platform.Value.PasskeyDomain is { Length: > 0 } domain)
                options.ServerDomain = domain;
        });
    }

    /// <summary>A passkey's id as text for forms and links (base64url, as WebAuthn writes it).</summary>
    public static string IdText(byte[] credentialId) => System.Buffers.Text.Base64Url.EncodeToString(credentialId);

    public static byte[]? ParseId(string? text)
    {
        // TryDecodeFromChars throws on characters outside the alphabet (its "try" is about the buffer): check first.
        if (string.IsNullOrEmpty(text) || text.Length > 1400 || !System.Buffers.Text.Base64Url.IsValid(text))
            return null;
        var bytes = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        return System.Buffers.Text.Base64Url.TryDecodeFromChars(text, bytes, out var written) ? bytes[..written] : null;
    }

    /// <summary>What the editor typed as a name, cleaned; a dated default when empty.</summary>
    public static string Name(string? typed, DateTimeOffset now)
    {
        var name = new string((typed ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > MaxNameLength)
            name = name[..MaxNameLength].TrimEnd();
        return name.Length > 0 ? name : $"Passkey van {Content.Model.DutchTime.Date(now.UtcDateTime)}";
    }
}
